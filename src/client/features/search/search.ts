/** What search can find, in the order results list them. */
export const searchKinds = [
  'outcome',
  'recommendation',
  'theme',
  'value',
  'action',
  'measure',
  'milestone',
  'section',
] as const
export type SearchKind = (typeof searchKinds)[number]

/** One thing search can find: lower-cased text to match, what to show, the plan it is in, and where it opens. */
export interface SearchEntry {
  kind: SearchKind
  id: string
  title: string
  text: string
  /** The plan it belongs to, shown beside it; absent for the organisation's own (outcomes, values). */
  planTitle?: string
  /** The screen it opens: a route name and its id; absent for what the plan's page shows. */
  opens?: { name: 'outcome' | 'recommendation' | 'theme' | 'action' | 'milestone'; id: string }
  /** The plan whose page shows it, where it has no page of its own. */
  planId?: string
}

export interface SearchResults {
  total: number
  entries: SearchEntry[]
}

export const termsOf = (query: string) =>
  query
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .filter((term) => term.length > 0)

/** Entries holding every term of the query, the top of the thread first and milestones last. */
export function search(entries: readonly SearchEntry[], query: string, limit = 50): SearchResults {
  const terms = termsOf(query)
  if (terms.length === 0) return { total: 0, entries: [] }
  const found: SearchEntry[] = []
  for (const entry of entries) {
    if (terms.every((term) => entry.text.includes(term))) found.push(entry)
  }
  found.sort((a, b) => searchKinds.indexOf(a.kind) - searchKinds.indexOf(b.kind))
  return { total: found.length, entries: found.slice(0, limit) }
}
