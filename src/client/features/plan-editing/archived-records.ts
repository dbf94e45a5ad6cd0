import type { Ref } from 'vue'
import type { Plan } from '../../../shared/entities'
import type { ArchivableType } from '../../../shared/plans/editable-records'
import { localDb, type LocalDatabase } from '../../db/database'
import { isInPlan } from '../../db/archived'
import { useLiveQuery } from '../../db/live-query'
import { actionName, outcomeName, recommendationName, themeName } from '../golden-thread/labels'
import { riskName } from '../risks/risk-words'

export interface ArchivedRecord {
  type: ArchivableType
  id: string
  name: string
  archivedAt: string
}

export interface ArchivedRecords {
  plan: Plan
  /** Type by type, in the plan's order, each newest archived first; only types with any archived. */
  groups: { type: ArchivableType; heading: string; records: ArchivedRecord[] }[]
}

const headings: Record<ArchivableType, string> = {
  theme: 'Themes',
  action: 'Projects',
  milestone: 'Milestones',
  measure: 'Measures',
  risk: 'Risks',
  recommendation: 'Recommendations',
  // The organisation's, not one plan's: restored from any of its plans.
  outcome: 'Outcomes, across the organisation',
}

type Named = { id: string; archivedAt: string | null }
const archived = <T extends Named>(type: ArchivableType, records: T[], nameOf: (record: T) => string) =>
  records
    .filter((record) => !isInPlan(record))
    .map((record): ArchivedRecord => ({ type, id: record.id, name: nameOf(record), archivedAt: record.archivedAt! }))
    .sort((a, b) => b.archivedAt.localeCompare(a.archivedAt))

/** What a plan admin has archived in a plan, to restore: read from the device, so offline too. */
export async function loadArchivedRecords(db: LocalDatabase, planId: string): Promise<ArchivedRecords | undefined> {
  const plan = await db.plans.get(planId)
  if (!plan) return undefined
  const [themes, actions, measures, risks, recommendations, outcomes] = await Promise.all([
    db.themes.where('planId').equals(planId).toArray(),
    db.actions.where('planId').equals(planId).toArray(),
    db.measures.where('planId').equals(planId).toArray(),
    db.risks.where('planId').equals(planId).toArray(),
    db.recommendations.where('planId').equals(planId).toArray(),
    db.outcomes.toArray(),
  ])
  const milestones = await db.milestones
    .where('actionId')
    .anyOf(actions.map((action) => action.id))
    .toArray()
  const groups = [
    archived('theme', themes, themeName),
    archived('action', actions, actionName),
    archived('milestone', milestones, (milestone) => milestone.title),
    archived('measure', measures, (measure) => measure.title),
    archived('risk', risks, riskName),
    archived('recommendation', recommendations, recommendationName),
    archived('outcome', outcomes, outcomeName),
  ]
  return {
    plan,
    groups: groups
      .filter((records) => records.length > 0)
      .map((records) => ({ type: records[0]!.type, heading: headings[records[0]!.type], records })),
  }
}

export const useArchivedRecords = (planId: Ref<string>) =>
  useLiveQuery((id) => loadArchivedRecords(localDb, id), planId)
