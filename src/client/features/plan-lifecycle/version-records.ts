import type { Plan } from '../../../shared/entities'
import type { VersionRecord } from '../../../shared/plans/version-diff'
import type { LocalDatabase } from '../../db/database'
import { inPlan } from '../../db/archived'

/** Each kind of a plan's record, by the word the diff shows for it. */
export const recordWords: Record<string, string> = {
  theme: 'Theme',
  action: 'Project',
  milestone: 'Milestone',
  measure: 'Measure',
  risk: 'Risk',
  recommendation: 'Recommendation',
  section: 'Section',
}

/** A plan's records on the device, by type, as versionDiff compares them. */
export async function recordsOfPlan(db: LocalDatabase, planId: string): Promise<Record<string, VersionRecord[]>> {
  const [themes, actions, measures, risks, recommendations, sections] = await Promise.all([
    db.themes.where('planId').equals(planId).toArray(),
    db.actions.where('planId').equals(planId).toArray(),
    db.measures.where('planId').equals(planId).toArray(),
    db.risks.where('planId').equals(planId).toArray(),
    db.recommendations.where('planId').equals(planId).toArray(),
    db.sections.where('planId').equals(planId).toArray(),
  ])
  const milestones = await db.milestones
    .where('actionId')
    .anyOf(actions.map((a) => a.id))
    .toArray()
  // The device's search text is its own, not the plan's.
  const plain = (records: (VersionRecord & { archivedAt?: string | null; searchText?: string })[]) =>
    inPlan(records).map(({ searchText: _, ...record }): VersionRecord => record)
  return {
    theme: plain(themes),
    action: plain(actions),
    milestone: plain(milestones),
    measure: plain(measures),
    risk: plain(risks),
    recommendation: plain(recommendations),
    section: plain(sections),
  }
}

/** The version this plan was carried from or succeeds, if the device holds it. */
export async function earlierVersionOf(db: LocalDatabase, plan: Plan | undefined) {
  const id = plan?.carriedFromId ?? plan?.succeedsPlanId
  return id ? db.plans.get(id) : undefined
}

/** What a record is called in the list of changes. */
export const nameOf = (record: VersionRecord) =>
  String(record.title ?? record.name ?? record.heading ?? record.code ?? record.description ?? record.id)

/** The organisation's records a plan's fields name (people, teams, areas, outcomes), by id. */
export async function organisationNames(db: LocalDatabase): Promise<Map<string, string>> {
  const [people, teams, areas, outcomes] = await Promise.all([
    db.people.toArray(),
    db.teams.toArray(),
    db.areas.toArray(),
    db.outcomes.toArray(),
  ])
  return new Map(
    [...people, ...teams, ...areas, ...outcomes].map((record): [string, string] => [
      record.id,
      nameOf(record as unknown as VersionRecord),
    ]),
  )
}
