import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database'
import { insertRecords } from '../db/tables'
import { reserveVersions } from '../db/versions'
import { planDocumentSchema, type PlanDocument } from '../../shared/plan-document'

export interface ImportedPlan {
  orgId: string
  planId: string
  areaIds: Map<string, string>
  themeIds: Map<string, string>
  actionIds: Map<string, string>
}

function idsFor(items: { key: string }[]): Map<string, string> {
  return new Map(items.map((item) => [item.key, randomUUID()]))
}

function resolve(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key)
  if (!id) throw new Error(`The plan document refers to ${what} "${key}", which it does not define.`)
  return id
}

/**
 * Creates an organisation and its plan from a plan document, in the caller's
 * transaction. Every record gets a fresh id and a version of its own.
 */
export async function importPlanDocument(tx: Queryable, input: unknown): Promise<ImportedPlan> {
  const doc: PlanDocument = planDocumentSchema.parse(input)
  const orgId = randomUUID()
  const planId = randomUUID()
  const areaIds = idsFor(doc.areas)
  const themeIds = idsFor(doc.themes)
  const actionIds = idsFor(doc.actions)

  await tx.query(
    `insert into organisations (id, version, name, short_name, vision, how_we_work) values ($1, 0, $2, $3, $4, $5)`,
    [orgId, doc.organisation.name, doc.organisation.shortName, doc.organisation.vision, JSON.stringify(doc.organisation.howWeWork)],
  )
  const count = 1 + doc.organisation.values.length + doc.areas.length + 1 + doc.themes.length + doc.actions.length + doc.measures.length
  let version = await reserveVersions(tx, orgId, count)
  const next = () => version++
  await tx.query('update organisations set version = $2 where id = $1', [orgId, next()])

  await insertRecords(
    tx,
    'org_values',
    doc.organisation.values.map((value, position) => ({ id: randomUUID(), orgId, version: next(), ...value, position })),
  )
  await insertRecords(
    tx,
    'areas',
    doc.areas.map((area, position) => ({ id: areaIds.get(area.key), orgId, version: next(), name: area.name, kind: area.kind, position })),
  )
  const { source, ...plan } = doc.plan
  await insertRecords(tx, 'plans', [
    {
      id: planId,
      orgId,
      version: next(),
      ...plan,
      subtitle: plan.subtitle ?? null,
      reviewDate: plan.reviewDate ?? null,
      approvals: [],
      parentPlanId: null,
      source,
    },
  ])
  await insertRecords(
    tx,
    'themes',
    doc.themes.map((theme, position) => ({
      id: themeIds.get(theme.key),
      orgId,
      version: next(),
      planId,
      title: theme.title,
      outcome: theme.outcome,
      rationale: theme.rationale,
      ownerRole: theme.ownerRole ?? null,
      position,
    })),
  )
  await insertRecords(
    tx,
    'actions',
    doc.actions.map((action, position) => ({
      id: actionIds.get(action.key),
      orgId,
      version: next(),
      planId,
      themeId: resolve(themeIds, action.theme, 'the theme'),
      code: action.code ?? String(position + 1),
      areaIds: action.areas.map((key) => resolve(areaIds, key, 'the area')),
      leadTeamId: null,
      description: action.description,
      leadRole: action.leadRole,
      leadPersonId: null,
      successMeasure: action.successMeasure ?? null,
      successMeasureBy: action.successMeasureBy ?? null,
      yearMilestone: action.yearMilestone ?? null,
      yearMilestoneBy: action.yearMilestoneBy ?? null,
      baseline: action.baseline ?? null,
      impact: action.impact ?? null,
      risks: action.risks ?? null,
      monitoring: action.monitoring ?? null,
      externalRefs: action.externalRefs,
      dueDate: action.dueDate ?? null,
      status: 'not-started',
      position,
    })),
  )
  await insertRecords(
    tx,
    'measures',
    doc.measures.map((measure) => ({
      id: randomUUID(),
      orgId,
      version: next(),
      planId,
      title: measure.title,
      unit: measure.unit,
      direction: measure.direction,
      baseline: measure.baseline ?? null,
      targets: measure.targets,
      actuals: [],
      source: measure.source,
      themeIds: measure.themes.map((key) => resolve(themeIds, key, 'the theme')),
      actionIds: measure.actions.map((key) => resolve(actionIds, key, 'the action')),
    })),
  )
  return { orgId, planId, areaIds, themeIds, actionIds }
}
