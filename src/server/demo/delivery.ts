import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import { insertRecords, rowToRecord } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { personSchema, type Rag, type WorkStatus } from '../../shared/entities'
import type { DeviceKind } from '../../shared/delivery-records'
import type { Mutation } from '../../shared/sync/mutations'
import type { Viewer } from '../auth/viewer'
import { pushDemoChanges } from './demo-push'

/**
 * A living plan for the demo: milestones, assignments, a few quarters of progress
 * updates, status changes and evidence, dated relative to the day the demo is loaded
 * so that some work is overdue and some is due soon. Milestones are inserted (plan
 * admins will create them in a later screen); everything else goes through the same
 * apply step as a device's changes, so statuses, history and audit agree.
 */
const day = 24 * 60 * 60 * 1000

/** What each demo person works on, so the history reads as a real team's would ("from Jordan's tablet"). */
const demoDevices: Record<string, DeviceKind> = {
  'Jordan Blake (demo)': 'tablet',
  'Alex Morgan (demo)': 'phone',
  'Chris Evans (demo)': 'tablet',
  'Sam Okafor (demo)': 'computer',
}

interface DemoMilestone {
  key: string
  action: string
  title: string
  dueInDays: number
}

const milestones: DemoMilestone[] = [
  { key: 'protocol', action: 'K9', title: 'A revised transitions protocol has been agreed', dueInDays: 12 },
  { key: 'year10', action: 'K9', title: 'Every Year 10 young person with SEND has a transition plan', dueInDays: -21 },
  {
    key: 'adult-panel',
    action: 'K9',
    title: 'Joint transitions panel with adult social care meets monthly',
    dueInDays: 40,
  },
  {
    key: 'therapy-review',
    action: 'K8',
    title: 'Recommendations of the therapies review agreed with the CCG',
    dueInDays: -45,
  },
  {
    key: 'therapy-waits',
    action: 'K8',
    title: 'Waiting times for occupational therapy published each month',
    dueInDays: 5,
  },
  { key: 'framework-training', action: 'K1', title: 'All practitioners trained in Signs of Safety', dueInDays: -9 },
  { key: 'values-workshops', action: 'C4', title: 'Values workshops held with every team', dueInDays: 25 },
]

export async function seedDemoDelivery(db: Database, orgId: string, now = new Date()): Promise<void> {
  const at = (daysAgo: number, hour = 10) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour)).toISOString()
  const date = (inDays: number) => new Date(now.getTime() + inDays * day).toISOString().slice(0, 10)

  const people = await db.query<{ data: Record<string, unknown> }>(
    'select to_jsonb(p) as data from people p where org_id = $1',
    [orgId],
  )
  const byName = new Map(
    people.map((row) => {
      const person = personSchema.parse(rowToRecord(row.data))
      return [person.name, person]
    }),
  )
  const viewer = (name: string): Viewer => {
    const person = byName.get(name)
    if (!person) throw new Error(`No demo person called ${name}`)
    return { person, orgId, email: '' }
  }
  const manager = viewer('Jordan Blake (demo)')
  const practitioner = viewer('Alex Morgan (demo)')
  const colleague = viewer('Chris Evans (demo)')
  const admin = viewer('Sam Okafor (demo)')
  const teamId = manager.person.managesTeamIds[0]!

  const actions = new Map(
    (await db.query<{ id: string; code: string }>('select id, code from actions where org_id = $1', [orgId])).map(
      (r) => [r.code, r.id],
    ),
  )
  const actionId = (code: string) => actions.get(code) ?? failMissing(code)
  const milestoneIds = new Map(milestones.map((m) => [m.key, randomUUID()]))
  const milestoneId = (key: string) => milestoneIds.get(key) ?? failMissing(key)

  await db.transaction(async (tx) => {
    let version = await reserveVersions(tx, orgId, milestones.length)
    await insertRecords(
      tx,
      'milestones',
      milestones.map((m, position) => ({
        id: milestoneId(m.key),
        orgId,
        version: version++,
        actionId: actionId(m.action),
        title: m.title,
        dueDate: date(m.dueInDays),
        ownerPersonId: null,
        status: 'not-started',
        position,
      })),
    )
  })

  const push = (who: Viewer, changes: { daysAgo: number; kind: Mutation['kind']; data: Record<string, unknown> }[]) =>
    pushDemoChanges(
      db,
      who,
      changes.map(({ daysAgo, kind, data }) => ({ madeAt: at(daysAgo), kind, data })),
      demoDevices[who.person.name] ?? null,
    )
  const assign = (
    daysAgo: number,
    target: { personId?: string; teamId?: string },
    work: { actionId?: string; milestoneId?: string },
  ) => ({
    daysAgo,
    kind: 'assignment.add' as const,
    data: {
      id: randomUUID(),
      actionId: work.actionId ?? null,
      milestoneId: work.milestoneId ?? null,
      personId: target.personId ?? null,
      teamId: target.teamId ?? null,
    },
  })
  const status = (daysAgo: number, entity: 'action' | 'milestone', entityId: string, value: WorkStatus) => ({
    daysAgo,
    kind: 'status.set' as const,
    data: { entity, entityId, status: value },
  })
  const update = (daysAgo: number, code: string, rag: Rag, commentary: string) => ({
    daysAgo,
    kind: 'progress.post' as const,
    data: { id: randomUUID(), actionId: actionId(code), rag, commentary },
  })

  await push(admin, [
    assign(200, { teamId }, { actionId: actionId('C4') }),
    assign(199, { personId: practitioner.person.id }, { actionId: actionId('K1') }),
  ])
  await push(manager, [
    assign(190, { personId: manager.person.id }, { milestoneId: milestoneId('protocol') }),
    assign(190, { personId: practitioner.person.id }, { milestoneId: milestoneId('year10') }),
    assign(190, { personId: colleague.person.id }, { milestoneId: milestoneId('adult-panel') }),
    assign(189, { personId: practitioner.person.id }, { milestoneId: milestoneId('therapy-waits') }),
    assign(189, { teamId }, { milestoneId: milestoneId('therapy-review') }),
    status(180, 'action', actionId('K9'), 'on-track'),
    status(180, 'action', actionId('K8'), 'on-track'),
    status(180, 'milestone', milestoneId('protocol'), 'on-track'),
    status(175, 'milestone', milestoneId('therapy-review'), 'on-track'),
    status(150, 'milestone', milestoneId('year10'), 'on-track'),
  ])
  await push(manager, [
    update(170, 'K9', 'green', 'Draft transitions protocol shared with adult social care; first joint meeting held.'),
  ])
  await push(practitioner, [
    update(160, 'K8', 'green', 'Therapies review findings presented to the team; actions agreed for our caseload.'),
  ])
  await push(manager, [
    update(
      80,
      'K9',
      'amber',
      'Adult social care has asked for changes to the eligibility section; a revised draft goes to their panel next month.',
    ),
    status(80, 'action', actionId('K9'), 'at-risk'),
    update(
      75,
      'K8',
      'amber',
      'The CCG has not yet agreed the review recommendations; escalated to the joint commissioning board.',
    ),
    status(75, 'milestone', milestoneId('therapy-review'), 'at-risk'),
  ])
  await push(colleague, [
    update(
      60,
      'K9',
      'amber',
      'Three Year 10 transition plans still missing because of school staff absence; visits booked for next fortnight.',
    ),
  ])
  await push(practitioner, [
    update(
      30,
      'K1',
      'green',
      'Signs of Safety refresher booked for the whole team; mapping templates now used in all new assessments.',
    ),
  ])
  await push(manager, [
    update(
      12,
      'K8',
      'red',
      'Occupational therapy waits have risen to 26 weeks; locum therapist requested and waiting list validated weekly.',
    ),
    status(12, 'action', actionId('K8'), 'off-track'),
    status(10, 'milestone', milestoneId('year10'), 'at-risk'),
    {
      daysAgo: 9,
      kind: 'evidence.add' as const,
      data: {
        id: randomUUID(),
        actionId: actionId('K9'),
        milestoneId: milestoneId('protocol'),
        note: 'Revised protocol draft (v3) circulated to adult social care and the SEND team for final comments.',
        attachments: [],
      },
    },
  ])
}

function failMissing(what: string): never {
  throw new Error(`Demo data refers to "${what}", which does not exist.`)
}
