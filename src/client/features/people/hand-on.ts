import { recordEditSchema } from '../../../shared/changes/kinds/record-edit'
import type { OwnedWork } from '../../../shared/people-admin'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'
import { assignWork, unassignWork } from '../delivery/mutations'

/** One piece of a leaver's work, as the admin hands it on: what it is called, and where it is seen. */
export type OwnedItem = { id: string; name: string; to: string } & (
  | { kind: 'action' | 'milestone' | 'measure' | 'risk' }
  | { kind: 'assignment'; actionId: string; milestoneId: string | null }
)

/** Everything a person owns, one item a row, in the order their page lists it. */
export function ownedItems(work: OwnedWork): OwnedItem[] {
  return [
    ...work.actions.map((a) => ({
      kind: 'action' as const,
      id: a.id,
      name: `${a.code}: ${a.description}`,
      to: `/plan/actions/${a.id}`,
    })),
    ...work.milestones.map((m) => ({
      kind: 'milestone' as const,
      id: m.id,
      name: `${m.title} (${m.actionCode})`,
      to: `/milestones/${m.id}`,
    })),
    ...work.measures.map((m) => ({ kind: 'measure' as const, id: m.id, name: m.title, to: `/measures/${m.id}` })),
    ...work.risks.map((r) => ({ kind: 'risk' as const, id: r.id, name: r.title, to: `/risks/${r.id}` })),
    ...work.assignments.map((s) => ({
      kind: 'assignment' as const,
      id: s.id,
      name: s.milestoneTitle ? `${s.actionCode}, milestone: ${s.milestoneTitle}` : s.actionCode,
      to: s.milestoneId ? `/milestones/${s.milestoneId}` : `/plan/actions/${s.actionId}`,
      actionId: s.actionId,
      milestoneId: s.milestoneId,
    })),
  ]
}

/** The field naming who owns each kind of record: a project has a lead, the rest an owner. */
const ownerField = {
  action: 'leadPersonId',
  milestone: 'ownerPersonId',
  measure: 'ownerPersonId',
  risk: 'ownerPersonId',
} as const

/**
 * Hands one item on to another person of the organisation, through the outbox like any
 * plan edit: a record changes owner by `record.edit`; an assignment moves by giving the
 * work to the new person, then taking it from the leaver.
 */
export async function handOn(adminId: string, item: OwnedItem, toPersonId: string): Promise<void> {
  if (item.kind === 'assignment') {
    const work = item.milestoneId
      ? { actionId: null, milestoneId: item.milestoneId }
      : { actionId: item.actionId, milestoneId: null }
    await assignWork(adminId, work, { personId: toPersonId, teamId: null })
    await unassignWork(adminId, item.id)
    return
  }
  const data = recordEditSchema.shape.data.parse({
    type: item.kind,
    id: item.id,
    fields: { [ownerField[item.kind]]: toPersonId },
  })
  await queueChange(localDb, adminId, { kind: 'record.edit', data })
  sendSoon()
}
