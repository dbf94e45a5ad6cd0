import type { Ref } from 'vue'
import type { Person } from '../../../shared/entities'
import { quarterOf } from '../../../shared/sync/quarter'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { historyByPerson } from '../../db/grouped'
import { loadMyWork } from '../my-actions/queries'
import { dueGroupOf, type WorkItem } from '../my-actions/my-work'

/** One person in a team a manager manages: their own work, what of it is overdue, and whether they have updated this quarter. */
export interface TeamMember {
  person: Person
  open: WorkItem[]
  overdue: WorkItem[]
  /** When they last posted an update or evidence this quarter, if they have. */
  updatedAt: string | undefined
}

const updating = new Set(['progress.post', 'evidence.add'])

export async function loadTeamMembers(db: LocalDatabase, manager: Person, today: string): Promise<TeamMember[]> {
  if (!manager.managesTeamIds.length) return []
  const managed = new Set(manager.managesTeamIds)
  const people = (await db.people.toArray())
    .filter((p) => p.id !== manager.id && p.role !== 'viewer' && p.teamIds.some((id) => managed.has(id)))
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
  const quarter = quarterOf(`${today}T12:00:00Z`)
  return Promise.all(
    people.map(async (person) => {
      const [work, history] = await Promise.all([loadMyWork(db, person), historyByPerson(db, person.id)])
      const open = work.filter((item) => item.assignedTo === 'You' && item.status !== 'complete')
      const updatedAt = history
        .filter((entry) => updating.has(entry.change) && quarterOf(entry.madeAt) === quarter)
        .map((entry) => entry.madeAt)
        .sort()
        .at(-1)
      return { person, open, overdue: open.filter((item) => dueGroupOf(item, today) === 'overdue'), updatedAt }
    }),
  )
}

export const useTeamMembers = (manager: Ref<Person | undefined>, today: string) =>
  useLiveQuery((who) => (who ? loadTeamMembers(localDb, who, today) : Promise.resolve([])), manager)
