import type { Ref } from 'vue'
import type { Action, Person, Plan, Risk, Role, Theme } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan } from '../../db/archived'
import { byPosition, planShownTo } from '../plan/plan-order'
import { loadPendingIds } from '../delivery/pending'
import { movementOfRisk, scored, type Movement, type Score } from './standing'
import { inherentOf, placedOf, residualOf } from '../../../shared/monitoring/risk-scores'

export interface RiskRow {
  risk: Risk
  owner: string | undefined
  inherent: Score | undefined
  residual: Score | undefined
  /** The score it is judged by: residual where rated, else inherent. */
  placed: Score | undefined
  movement: Movement | undefined
}

const present = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined)

async function peopleById(db: LocalDatabase, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  return new Map(present(await db.people.bulkGet(wanted)).map((person) => [person.id, person]))
}

/** The owner the document names, else the person who rates it. */
const ownerOf = (risk: Risk, people: Map<string, Person>) =>
  risk.owner ?? (risk.ownerPersonId ? people.get(risk.ownerPersonId)?.name : undefined)

const rowOf = (risk: Risk, people: Map<string, Person>): RiskRow => ({
  risk,
  owner: ownerOf(risk, people),
  inherent: scored(inherentOf(risk)),
  residual: scored(residualOf(risk)),
  placed: scored(placedOf(risk)),
  movement: movementOfRisk(risk),
})

export interface RiskRegister {
  plan: Plan
  rows: RiskRow[]
}

/** A plan's risks still in it, in the document's order, each with its scores and movement. */
export async function loadRiskRegister(
  db: LocalDatabase,
  planId: string,
  role: Role | undefined,
): Promise<RiskRegister | undefined> {
  const plan = await db.plans.get(planId)
  if (!plan || !planShownTo(plan, role)) return undefined
  const risks = inPlan(await db.risks.where('planId').equals(planId).toArray()).sort(byPosition)
  const people = await peopleById(
    db,
    risks.map((risk) => risk.ownerPersonId),
  )
  return { plan, rows: risks.map((risk) => rowOf(risk, people)) }
}

export interface RiskDetail extends RiskRow {
  plan: Plan | undefined
  themes: Theme[]
  actions: Action[]
  /** Names of the people who rated it, by id. */
  raters: Map<string, string>
  /** A rating made on this device is still waiting to send. */
  pending: boolean
}

export async function loadRiskDetail(db: LocalDatabase, id: string): Promise<RiskDetail | undefined> {
  const risk = await db.risks.get(id)
  if (!risk) return undefined
  const [plan, themes, actions, people, pending] = await Promise.all([
    db.plans.get(risk.planId),
    db.themes.bulkGet(risk.themeIds),
    db.actions.bulkGet(risk.actionIds),
    peopleById(db, [risk.ownerPersonId, ...risk.assessments.map((assessment) => assessment.assessedBy)]),
    loadPendingIds(db),
  ])
  return {
    ...rowOf(risk, people),
    plan,
    themes: inPlan(present(themes)),
    actions: inPlan(present(actions)),
    raters: new Map([...people].map(([personId, person]) => [personId, person.name])),
    pending: pending.has(id),
  }
}

export const useRiskRegister = (input: Ref<{ planId: string; role: Role | undefined }>) =>
  useLiveQuery(({ planId, role }) => loadRiskRegister(localDb, planId, role), input)

export const useRiskDetail = (id: Ref<string>) => useLiveQuery((riskId) => loadRiskDetail(localDb, riskId), id)
