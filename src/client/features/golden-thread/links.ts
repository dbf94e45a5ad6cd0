import type { RouteLocationRaw } from 'vue-router'

/** Where a plan opens: the one place the walk up and search name the plan's screen. */
export const planLocation = (planId: string): RouteLocationRaw => ({ name: 'plan', params: { id: planId } })
export const themeLocation = (id: string): RouteLocationRaw => ({ name: 'theme', params: { id } })
export const actionLocation = (id: string): RouteLocationRaw => ({ name: 'action', params: { id } })
export const milestoneLocation = (id: string): RouteLocationRaw => ({ name: 'milestone', params: { id } })
export const outcomeLocation = (id: string): RouteLocationRaw => ({ name: 'outcome', params: { id } })
export const recommendationLocation = (id: string): RouteLocationRaw => ({ name: 'recommendation', params: { id } })
