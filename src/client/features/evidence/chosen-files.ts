import { markRaw } from 'vue'
import { maxAttachmentsPerEvidence } from '../../../shared/attachments'
import { chosenProblem, tooManyMessage, type ChosenKind } from './mutations'

/** A photo or file chosen for new evidence. The File is marked raw: it stays out of Vue's deep reactivity. */
export interface Chosen {
  key: string
  kind: ChosenKind
  file: File
}

/** Adds what was picked to what was chosen; each file that cannot be added is a problem in words instead. */
export function addChosen(
  chosen: readonly Chosen[],
  picked: File[],
  kind: ChosenKind,
): { chosen: readonly Chosen[]; problems: string[] } {
  const problems: string[] = []
  const next = [...chosen]
  for (const file of picked) {
    const problem = chosenProblem(file, kind)
    if (problem) problems.push(problem)
    else if (next.length >= maxAttachmentsPerEvidence) {
      if (!problems.includes(tooManyMessage)) problems.push(tooManyMessage)
    } else next.push({ key: crypto.randomUUID(), kind, file: markRaw(file) })
  }
  return { chosen: next, problems }
}
