import type { QuestionKind } from '../../../shared/surveys'

/** A question as the new-survey form edits it, before it is checked and sent. */
export interface QuestionForm {
  id: string
  kind: QuestionKind
  text: string
  key: string
  valueId: string | null
}
