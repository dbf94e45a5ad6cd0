import type { Ref } from 'vue'
import type { HistoryEntry, Milestone, Person, ProgressUpdate, Team } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { historyOfAction, updatesOfAction } from '../../db/grouped'
import { loadActionScope, type LocalActionScope } from './scope'
import { loadPendingIds } from './pending'

export interface Delivery {
  milestones: Milestone[]
  /** `setStatus`: the update set the project's status, rather than being a comment on it (status-language.ts). */
  updates: (ProgressUpdate & { authorName: string; setStatus: boolean })[]
  history: (HistoryEntry & { personName: string })[]
  scope: LocalActionScope
  people: Map<string, Person>
  teams: Team[]
  pending: Set<string>
}

/** Everything the delivery parts of a project page show: milestones, updates, history, who it is assigned to. */
export async function loadDelivery(db: LocalDatabase, actionId: string): Promise<Delivery> {
  const milestones = await db.milestones.where('actionId').equals(actionId).sortBy('position')
  const [updates, history, scope, people, teams, pending] = await Promise.all([
    updatesOfAction(db, actionId),
    historyOfAction(db, actionId),
    loadActionScope(
      db,
      actionId,
      milestones.map((m) => m.id),
    ),
    db.people.toArray(),
    db.teams.toArray(),
    loadPendingIds(db),
  ])
  const byId = new Map(people.map((p) => [p.id, p]))
  const nameOf = (id: string) => byId.get(id)?.name ?? 'Someone no longer listed'
  const newestFirst = (a: { madeAt: string }, b: { madeAt: string }) => Date.parse(b.madeAt) - Date.parse(a.madeAt)
  const setStatus = new Set(
    history.flatMap((h) =>
      h.change === 'progress.post' && h.details.status && !h.details.statusSuperseded ? [h.entityId] : [],
    ),
  )
  return {
    milestones,
    updates: updates
      .sort(newestFirst)
      .map((u) => ({ ...u, authorName: nameOf(u.authorId), setStatus: setStatus.has(u.id) })),
    history: history.sort(newestFirst).map((h) => ({ ...h, personName: nameOf(h.personId) })),
    scope,
    people: byId,
    teams: teams.sort((a, b) => a.name.localeCompare(b.name)),
    pending,
  }
}

export const useDelivery = (actionId: Ref<string>) => useLiveQuery((id) => loadDelivery(localDb, id), actionId)
