import type { Ref } from 'vue'
import type { Action, Milestone, Plan } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { loadEvidence, type EvidenceItem } from '../evidence/queries'

export interface MilestoneDetail {
  milestone: Milestone
  action: Action | undefined
  /** Its project's plan: whether it may be changed. */
  plan: Plan | undefined
  /** The evidence given for this milestone, not the rest of the project's. */
  evidence: EvidenceItem[]
}

export async function loadMilestoneDetail(db: LocalDatabase, id: string): Promise<MilestoneDetail | undefined> {
  const milestone = await db.milestones.get(id)
  if (!milestone) return undefined
  const [action, evidence] = await Promise.all([
    db.actions.get(milestone.actionId),
    loadEvidence(db, milestone.actionId),
  ])
  const plan = action && (await db.plans.get(action.planId))
  return { milestone, action, plan, evidence: evidence.filter((item) => item.evidence.milestoneId === id) }
}

export const useMilestoneDetail = (id: Ref<string>) => useLiveQuery((key) => loadMilestoneDetail(localDb, key), id)
