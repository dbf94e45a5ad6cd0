import type { Action, Outcome, Plan, Recommendation, Theme } from '../../../shared/entities'

/** An action as a person names it: its code where it has one, then its title, else its description. */
export const actionName = (action: Pick<Action, 'code' | 'title' | 'description'>) =>
  [action.code, action.title ?? action.description].filter(Boolean).join(' ')

export const themeName = (theme: Pick<Theme, 'code' | 'title'>) =>
  theme.code ? `${theme.code}: ${theme.title}` : theme.title

export const outcomeName = (outcome: Pick<Outcome, 'code' | 'title'>) =>
  outcome.code ? `Outcome ${outcome.code}: ${outcome.title}` : outcome.title

const sourceWords: Record<Recommendation['sourceKind'], string> = {
  'ofsted-inspection': 'Ofsted',
  'safeguarding-board': 'Safeguarding board',
  'peer-review': 'Peer review',
  other: 'External',
}
/** "Ofsted recommendation 12": the number alone says little, so the source's kind goes first. */
export const recommendationName = (recommendation: Pick<Recommendation, 'sourceKind' | 'number'>) =>
  `${sourceWords[recommendation.sourceKind]} recommendation ${recommendation.number}`

/** A plan as its title, with its status where it is not the current one. */
export const planName = (plan: Pick<Plan, 'title' | 'status'>) =>
  plan.status === 'approved' ? plan.title : `${plan.title} (${plan.status})`

const shortLength = 60
/**
 * A name short enough for a row: the document's own title where it has one, else the
 * description's first clause, cut at a word with an ellipsis. The full text stays on the project's page.
 */
export function shortActionTitle(action: Pick<Action, 'title' | 'description'>): string {
  const text = (action.title ?? action.description).trim()
  const clause = text.split(/(?<=\w)(?:[.;:]\s|,\s| – | - | so that | in order to )/)[0]!.trim()
  if (clause.length <= shortLength) return clause
  const cut = clause.slice(0, shortLength + 1)
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(' '), shortLength / 2)).replace(/[\s,;:–-]+$/, '')
  return `${atWord}…`
}
