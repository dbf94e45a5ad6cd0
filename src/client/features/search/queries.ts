import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import type { SearchEntry } from './search'

const lower = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n').toLocaleLowerCase('en-GB')

/**
 * Everything search looks through, read once and again only when sync writes; typing
 * then filters this in memory instead of reading IndexedDB on every keystroke.
 */
export async function loadSearchEntries(db: LocalDatabase): Promise<SearchEntry[]> {
  const [themes, actions, milestones, values, measures] = await Promise.all([
    db.themes.orderBy('position').toArray(),
    db.actions.toArray(),
    db.milestones.toArray(),
    db.values.orderBy('position').toArray(),
    db.measures.toArray(),
  ])
  actions.sort((a, b) => a.position - b.position)
  return [
    ...themes.map((t): SearchEntry => ({ kind: 'priority', id: t.id, title: t.title, text: t.searchText })),
    ...values.map((v): SearchEntry => ({ kind: 'value', id: v.id, title: v.name, text: lower(v.name, v.meaning, ...v.behaviours) })),
    ...actions.map((a): SearchEntry => ({ kind: 'project', id: a.id, actionId: a.id, title: `${a.code} ${a.description}`, text: a.searchText })),
    ...measures.map((m): SearchEntry => ({ kind: 'measure', id: m.id, actionId: m.actionIds[0], title: m.title, text: lower(m.title, m.source) })),
    ...milestones.map((m): SearchEntry => ({ kind: 'milestone', id: m.id, actionId: m.actionId, title: m.title, text: m.searchText })),
  ]
}

export const useSearchEntries = () => useLiveQuery(() => loadSearchEntries(localDb))
