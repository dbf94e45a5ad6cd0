import type { Ref } from 'vue'
import type { HistoryEntry } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { historyByPerson, historyOfEntities } from '../../db/grouped'
import type { OutboxEntry, PendingUpload } from '../../sync/outbox-types'
import { describeChange } from './describe'
import { notKeptChanges, type NotKept } from './notices'

export interface ChangesOnDevice {
  waiting: (OutboxEntry & { text: string; uploads: PendingUpload[] })[]
  refused: (OutboxEntry & { text: string })[]
  notKept: (NotKept & { entityTitle: string; winnerName: string })[]
}

export async function loadChanges(db: LocalDatabase, personId: string): Promise<ChangesOnDevice> {
  const [entries, actions, milestones, people, history] = await Promise.all([
    db.outbox.orderBy('seq').toArray(),
    db.actions.toArray(),
    db.milestones.toArray(),
    db.people.toArray(),
    historyByPerson(db, personId),
  ])
  const titles = new Map<string, string>([
    ...actions.map((a) => [a.id, a.code] as [string, string]),
    ...milestones.map((m) => [m.id, m.title] as [string, string]),
  ])
  const titleOf = (id: string) => titles.get(id) ?? 'an item no longer in the plan'
  const names = new Map(people.map((p) => [p.id, p.name]))
  const status = new Map<string, string | null>([
    ...actions.map((a) => [a.id, a.statusMutationId] as [string, string | null]),
    ...milestones.map((m) => [m.id, m.statusMutationId] as [string, string | null]),
  ])
  // The winners of my lost changes were made by others: fetch those entries too.
  const entityIds = [...new Set(history.filter((h) => h.change === 'status.set').map((h) => h.entityId))]
  const related: HistoryEntry[] = entityIds.length ? await historyOfEntities(db, entityIds) : []
  const uploads = await db.uploads.toArray()
  return {
    waiting: entries
      .filter((e) => e.state === 'waiting')
      .map((e) => ({
        ...e,
        text: describeChange(e.mutation, titleOf),
        uploads: uploads.filter((u) => u.mutationId === e.id && u.sentBytes < u.size),
      })),
    refused: entries
      .filter((e) => e.state === 'refused')
      .map((e) => ({ ...e, text: describeChange(e.mutation, titleOf) })),
    notKept: notKeptChanges(related, personId, (id) => status.get(id)).map((n) => ({
      ...n,
      entityTitle: titleOf(n.mine.entityId),
      winnerName: n.winner ? (names.get(n.winner.personId) ?? 'Someone') : 'Someone',
    })),
  }
}

export const useChanges = (personId: Ref<string | undefined>) =>
  useLiveQuery((id) => (id ? loadChanges(localDb, id) : Promise.resolve(undefined)), personId)
