import type { Action, Milestone, Person } from '../../../shared/entities'
import { quarterOf } from '../../../shared/sync/quarter'
import { actionName } from '../golden-thread/labels'

/** The work of the organisation's current plans, as the device holds it, with this quarter's updates. */
export interface WorkSnapshot {
  actions: Pick<Action, 'id' | 'code' | 'title' | 'description' | 'leadPersonId' | 'leadTeamId' | 'status'>[]
  milestones: Pick<Milestone, 'id' | 'actionId' | 'title' | 'dueDate' | 'ownerPersonId' | 'status'>[]
  /** Actions with a progress update for the current quarter. */
  updatedThisQuarter: ReadonlySet<string>
}

export interface Outstanding {
  actions: { id: string; name: string }[]
  milestones: { id: string; title: string; actionId: string; dueDate: string; overdue: boolean }[]
}

/** The reporting quarter a day is in (quarter.ts), and its last day: financial quarters end with calendar ones. */
export function quarterOfDay(today: string): { period: string; lastDay: string } {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const endMonth = Math.floor((month - 1) / 3) * 3 + 3
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).toISOString().slice(0, 10)
  return { period: quarterOf(`${today}T12:00:00Z`), lastDay }
}

/**
 * What needs a person's update this quarter: the actions they lead (by name, or for a manager
 * through the teams they manage) with no progress update this quarter, and the milestones due
 * by the quarter's end or overdue, not complete, on those actions or owned by them.
 */
export function needsUpdateOf(
  person: Pick<Person, 'id' | 'role' | 'managesTeamIds'>,
  work: WorkSnapshot,
  today: string,
): Outstanding {
  const { lastDay } = quarterOfDay(today)
  const leads = (action: WorkSnapshot['actions'][number]) =>
    action.leadPersonId === person.id ||
    (person.role === 'manager' && action.leadTeamId !== null && person.managesTeamIds.includes(action.leadTeamId))
  const led = new Set(work.actions.filter(leads).map((action) => action.id))
  const actions = work.actions
    .filter((action) => led.has(action.id) && action.status !== 'complete' && !work.updatedThisQuarter.has(action.id))
    .map((action) => ({ id: action.id, name: actionName(action) }))
  const knownActions = new Set(work.actions.map((action) => action.id))
  const milestones = work.milestones
    .filter(
      (m): m is typeof m & { dueDate: string } =>
        m.status !== 'complete' &&
        m.dueDate !== null &&
        m.dueDate <= lastDay &&
        knownActions.has(m.actionId) &&
        (led.has(m.actionId) || m.ownerPersonId === person.id),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((m) => ({ id: m.id, title: m.title, actionId: m.actionId, dueDate: m.dueDate, overdue: m.dueDate < today }))
  return { actions, milestones }
}

/**
 * Who is outstanding across the plan, for a plan admin: each person with actions lacking this
 * quarter's update or overdue milestones, most outstanding first.
 */
export function outstandingByPerson<P extends Pick<Person, 'id' | 'name' | 'role' | 'managesTeamIds'>>(
  people: P[],
  work: WorkSnapshot,
  today: string,
): { person: P; outstanding: Outstanding }[] {
  return people
    .filter((person) => person.role !== 'viewer')
    .map((person) => {
      const { actions, milestones } = needsUpdateOf(person, work, today)
      return { person, outstanding: { actions, milestones: milestones.filter((m) => m.overdue) } }
    })
    .filter(({ outstanding }) => outstanding.actions.length + outstanding.milestones.length > 0)
    .sort(
      (a, b) =>
        b.outstanding.actions.length +
          b.outstanding.milestones.length -
          (a.outstanding.actions.length + a.outstanding.milestones.length) ||
        a.person.name.localeCompare(b.person.name),
    )
}
