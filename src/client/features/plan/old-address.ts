import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import { localDb } from '../../db/database'

/**
 * Where `/plan` goes now that an organisation has several plans: `?plan=` names one; with
 * exactly one current plan, that plan (keeping an area filter); otherwise the list.
 */
export async function whereOldPlanAddressGoes(to: RouteLocationNormalized): Promise<RouteLocationRaw> {
  const { plan, ...query } = to.query
  if (typeof plan === 'string' && plan) return { name: 'plan', params: { id: plan }, query }
  const current = await localDb.plans.filter((candidate) => candidate.status === 'approved').toArray()
  if (current.length === 1 && current[0]) return { name: 'plan', params: { id: current[0].id }, query }
  return { name: 'plans' }
}
