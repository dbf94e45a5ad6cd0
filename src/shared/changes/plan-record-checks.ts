import { z } from 'zod'
import type { Person } from '../entities'
import { canEditPlan } from '../permissions'
import {
  editableTypes,
  idsIn,
  readOnlyPlanStatuses,
  referencesOf,
  typeWords,
  type EditableType,
} from '../plans/editable-records'
import type { BatchContext, TargetRecord } from './batch-context'
import type { References } from './references'

/** What a change to a plan record carries: which record, and some or all of its fields. */
export type PlanRecordData = { type: EditableType; id: string; fields: Record<string, unknown> }

/**
 * The data schema of a change to a plan record: one schema per record type, told apart by
 * `type`, and typed as the plain shape devices build.
 */
export const perRecordType = <S extends z.ZodObject | z.ZodPipe>(schemaOf: (type: EditableType) => S) =>
  z.discriminatedUnion(
    'type',
    editableTypes.map(schemaOf) as unknown as [z.ZodObject],
  ) as unknown as z.ZodType<PlanRecordData>

/** What a plan admin's edit names: the record itself and every record its fields refer to. */
export function referPlanRecord(
  type: EditableType,
  fields: Record<string, unknown>,
  refs: References,
  edited?: string,
): void {
  if (edited) {
    refs.planRecordIds.add(edited)
    refs.editedRecordIds.add(edited)
  }
  for (const reference of referencesOf[type]) {
    if (!(reference.field in fields)) continue
    const ids = idsIn(fields[reference.field])
    const into =
      reference.to === 'area'
        ? refs.areaIds
        : reference.to === 'team'
          ? refs.teamIds
          : reference.to === 'person'
            ? refs.personIds
            : refs.planRecordIds
    for (const id of ids) into.add(id)
  }
}

/** Why this person may not edit the plan, or undefined if they may. */
export function editRefusal(who: Pick<Person, 'role'>): string | undefined {
  if (canEditPlan(who)) return undefined
  return who.role === 'viewer'
    ? 'Viewers can read the plan but not change it.'
    : 'Only a plan admin can change the plan. Ask your plan admin to make this change.'
}

/** Why a record of this plan cannot be changed any more, if it cannot. */
export function readOnlyRefusal(planStatus: string | null): string | undefined {
  if (planStatus === null || !readOnlyPlanStatuses.has(planStatus)) return undefined
  return `This plan has been ${planStatus}, so it is kept as it was and cannot be changed. Change its newer version instead.`
}

/** The plan records a record's fields name must be in the organisation, of the right type, and where asked in its plan. */
export function referenceRefusal(
  type: EditableType,
  fields: Record<string, unknown>,
  planId: string | null,
  context: BatchContext,
): string | undefined {
  for (const reference of referencesOf[type]) {
    if (!(reference.field in fields)) continue
    for (const id of idsIn(fields[reference.field])) {
      const found =
        reference.to === 'area'
          ? context.areas.has(id)
          : reference.to === 'team'
            ? context.teams.has(id)
            : reference.to === 'person'
              ? context.people.has(id)
              : isPlanRecord(context.planRecords.get(id), reference.to, reference.samePlan ? planId : undefined)
      if (!found) {
        const where = reference.samePlan ? 'this plan' : 'your organisation'
        return `The ${typeWords[type]}’s ${fieldWords(reference.field)} names a ${reference.to} that is not in ${where}.`
      }
    }
  }
  return undefined
}

const isPlanRecord = (target: TargetRecord | undefined, type: string, planId: string | null | undefined) =>
  target !== undefined && target.type === type && (planId === undefined || target.planId === planId)

/** "recommendationIds" → "recommendations", "leadPersonId" → "lead person": how a field is named in a reason. */
export const fieldWords = (field: string) =>
  field
    .replace(/Ids$/, 's')
    .replace(/Id$/, '')
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)

/** The action a record's history belongs under, so a project's page shows edits of it and its milestones. */
export function actionIdOf(type: EditableType, id: string, record: Record<string, unknown>): string | null {
  if (type === 'action') return id
  if (type === 'milestone') return (record.actionId as string | undefined) ?? null
  return null
}

/** What a figure or a rating says when it cannot be recorded: the record's words for each reason. */
interface RecordingRefusals {
  missing: string
  notAllowed: string
  archived: string
}

/**
 * The measure or risk a figure or rating is for, found in the batch and checked as each of
 * those changes checks it: in the organisation, this person may record it, its plan still
 * open, not archived. Answers why not where it may not.
 */
export function recordedRecord<T>(
  context: BatchContext,
  id: string,
  type: 'measure' | 'risk',
  mayRecord: (record: T) => boolean,
  refusals: RecordingRefusals,
): { target: TargetRecord; record: T } | { refusal: string } {
  const target = context.planRecords.get(id)
  if (!target || target.type !== type) return { refusal: refusals.missing }
  const record = target.record as unknown as T
  if (!mayRecord(record)) return { refusal: refusals.notAllowed }
  const problem = readOnlyRefusal(target.planStatus) ?? (target.record.archivedAt ? refusals.archived : undefined)
  return problem ? { refusal: problem } : { target, record }
}
