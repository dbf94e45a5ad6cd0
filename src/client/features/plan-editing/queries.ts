import type { Ref } from 'vue'
import type { Plan } from '../../../shared/entities'
import type { EditableType } from '../../../shared/plans/editable-records'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan } from '../../db/archived'
import { planTables } from '../../db/plan-tables'
import type { Pickable } from './form-fields'

export interface EditTarget {
  type: EditableType
  /** The record edited; absent when a new one is being made. */
  id?: string
  /** A new record's plan, or its project for a milestone. */
  parentId?: string
}

/** What may be chosen for a field that names other records: the plan's own, or the organisation's. */
export type Choices = Record<Pickable, { id: string; label: string }[]>

export interface EditScreen {
  record: Record<string, unknown> | undefined
  /** The plan the record is in, or will be in; none for an outcome, which the organisation holds. */
  plan: Plan | undefined
  /** The project a milestone is in. */
  actionId: string | undefined
  choices: Choices
  /** How many records of the type are beside it already, so a new one goes last. */
  siblings: number
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label)

async function planIdOf(db: LocalDatabase, target: EditTarget, record: Record<string, unknown> | undefined) {
  if (target.type === 'plan') return target.id
  if (target.type === 'outcome') return undefined
  if (target.type === 'milestone') {
    const actionId = String(record?.actionId ?? target.parentId)
    return (await db.actions.get(actionId))?.planId
  }
  return record ? String(record.planId) : target.parentId
}

/** The record, its plan and what its fields may name, read from the device. */
export async function loadEditScreen(db: LocalDatabase, target: EditTarget): Promise<EditScreen> {
  // An address can name any type: one that is not a plan record's has no table.
  const table = (planTables(db) as Partial<ReturnType<typeof planTables>>)[target.type]
  const record = target.id ? await table?.get(target.id) : undefined
  const planId = await planIdOf(db, target, record)
  const plan = planId ? await db.plans.get(planId) : undefined
  const planIds = planId ? [planId] : []
  const [people, teams, areas, themes, actions, outcomes, recommendations] = await Promise.all([
    db.people.toArray(),
    db.teams.toArray(),
    db.areas.toArray(),
    db.themes.where('planId').anyOf(planIds).toArray(),
    db.actions.where('planId').anyOf(planIds).toArray(),
    db.outcomes.toArray(),
    db.recommendations.where('planId').anyOf(planIds).toArray(),
  ])
  const actionId = target.type === 'milestone' ? String(record?.actionId ?? target.parentId) : undefined
  const siblings =
    target.type === 'milestone'
      ? await db.milestones
          .where('actionId')
          .equals(actionId ?? '')
          .count()
      : target.type === 'theme'
        ? themes.length
        : target.type === 'action'
          ? actions.length
          : 0
  return {
    record,
    plan,
    actionId,
    siblings,
    choices: {
      person: people.map((p) => ({ id: p.id, label: `${p.name}, ${p.jobTitle}` })).sort(byLabel),
      team: teams.map((t) => ({ id: t.id, label: t.name })).sort(byLabel),
      area: areas.map((a) => ({ id: a.id, label: a.name })).sort(byLabel),
      theme: inPlan(themes)
        .sort((a, b) => a.position - b.position)
        .map((t) => ({ id: t.id, label: t.code ? `${t.code} ${t.title}` : t.title })),
      action: inPlan(actions)
        .sort((a, b) => a.position - b.position)
        .map((a) => ({ id: a.id, label: [a.code, a.title ?? a.description].filter(Boolean).join(' ') })),
      outcome: inPlan(outcomes).map((o) => ({ id: o.id, label: o.code ? `${o.code} ${o.title}` : o.title })),
      recommendation: inPlan(recommendations)
        .sort((a, b) => a.position - b.position)
        .map((r) => ({ id: r.id, label: `${r.number} ${r.text ?? r.sourceTitle}` })),
    },
  }
}

export const useEditScreen = (target: Ref<EditTarget>) =>
  useLiveQuery((wanted) => loadEditScreen(localDb, wanted), target)
