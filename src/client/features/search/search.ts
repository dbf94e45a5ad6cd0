/** One thing search can find: lower-cased text to match, and what to show and link to. */
export interface SearchEntry {
  kind: 'priority' | 'project' | 'milestone' | 'value' | 'measure'
  id: string
  /** The project page this entry opens; absent for things shown on the plan page. */
  actionId?: string
  title: string
  text: string
}

export interface SearchResults {
  total: number
  entries: SearchEntry[]
}

export const termsOf = (query: string) =>
  query.toLocaleLowerCase('en-GB').split(/\s+/).filter((term) => term.length > 0)

const kindOrder: SearchEntry['kind'][] = ['priority', 'value', 'project', 'measure', 'milestone']

/** Entries holding every term of the query, priorities and projects before milestones. */
export function search(entries: readonly SearchEntry[], query: string, limit = 50): SearchResults {
  const terms = termsOf(query)
  if (terms.length === 0) return { total: 0, entries: [] }
  const found: SearchEntry[] = []
  for (const entry of entries) {
    if (terms.every((term) => entry.text.includes(term))) found.push(entry)
  }
  found.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind))
  return { total: found.length, entries: found.slice(0, limit) }
}
