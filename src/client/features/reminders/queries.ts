import type { Ref } from 'vue'
import type { Person } from '../../../shared/entities'
import type { Reminder } from '../../../shared/reminders'
import { awaitingSignOff } from '../../../shared/sign-off'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan } from '../../db/archived'
import { needsUpdateOf, outstandingByPerson, quarterOfDay, type WorkSnapshot } from './needs-update'

/** The work of the organisation's approved plans, and which of its actions have this quarter's update. */
export async function loadWorkSnapshot(db: LocalDatabase, today: string): Promise<WorkSnapshot> {
  const plans = await db.plans.toArray()
  const current = plans.filter((plan) => plan.status === 'approved').map((plan) => plan.id)
  const actions = current.length ? inPlan(await db.actions.where('planId').anyOf(current).toArray()) : []
  const actionIds = actions.map((action) => action.id)
  const milestones = actionIds.length ? inPlan(await db.milestones.where('actionId').anyOf(actionIds).toArray()) : []
  const { period } = quarterOfDay(today)
  // One read of every action's updates (kept as one row per action, see database.ts version 7).
  const groups = await db.updatesByAction.bulkGet(actionIds)
  const updated = new Set(
    groups.flatMap((group) => (group?.entries.some((update) => update.period === period) ? [group.actionId] : [])),
  )
  return { actions, milestones, updatedThisQuarter: updated }
}

export const useNeedsUpdate = (person: Ref<Person | undefined>, today: string) =>
  useLiveQuery(
    async (who) => (who ? needsUpdateOf(who, await loadWorkSnapshot(localDb, today), today) : undefined),
    person,
  )

export const useOutstanding = (today: string) =>
  useLiveQuery(async () => {
    const [people, work] = await Promise.all([localDb.people.toArray(), loadWorkSnapshot(localDb, today)])
    return outstandingByPerson(people, work, today)
  })

/** A person's reminders not yet dismissed, newest first, with the name of who sent each. */
export async function loadMyReminders(
  db: LocalDatabase,
  personId: string,
): Promise<(Reminder & { senderName: string })[]> {
  const reminders = (await db.reminders.where('personId').equals(personId).toArray()).filter((r) => !r.dismissedAt)
  const senders = await db.people.bulkGet(reminders.map((r) => r.sentBy))
  return reminders
    .map((r, i) => ({ ...r, senderName: senders[i]?.name ?? 'a plan admin' }))
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
}

export const useMyReminders = (person: Ref<Person | undefined>) =>
  useLiveQuery((who) => (who ? loadMyReminders(localDb, who.id) : Promise.resolve([])), person)

/** Whether a piece of work awaits sign-off, who may give it, and the names of those whose sign-off it needs. */
export async function loadSignOff(db: LocalDatabase, entity: 'action' | 'milestone', id: string) {
  const milestone = entity === 'milestone' ? await db.milestones.get(id) : undefined
  const action = await db.actions.get(milestone ? milestone.actionId : id)
  const work = milestone ?? action
  if (!work || !action) return undefined
  const plan = await db.plans.get(action.planId)
  const leadPersonIds = [...new Set([milestone?.ownerPersonId ?? null, action.leadPersonId])].filter(
    (lead): lead is string => lead !== null,
  )
  const leads = (await db.people.bulkGet(leadPersonIds)).flatMap((p) => (p ? [p.name] : []))
  const signer = work.signedOffBy ? await db.people.get(work.signedOffBy) : undefined
  return {
    awaiting: awaitingSignOff(work, plan),
    signedOffBy: work.status === 'complete' && work.signedOffBy ? (signer?.name ?? 'someone') : undefined,
    leadPersonIds,
    leads,
  }
}

export const useSignOff = (entity: 'action' | 'milestone', id: Ref<string>) =>
  useLiveQuery((workId) => loadSignOff(localDb, entity, workId), id)
