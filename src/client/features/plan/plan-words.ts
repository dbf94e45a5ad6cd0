import type { DocumentControl, Plan, Section } from '../../../shared/entities'
import { formatMonth } from '../../ui/format'

export const planKindWords: Record<Plan['kind'], string> = {
  'business-plan': 'Business plan',
  'improvement-plan': 'Improvement plan',
  framework: 'Framework',
  'service-plan': 'Service plan',
}

export const planStatusWords: Record<Plan['status'], string> = {
  approved: 'Current',
  draft: 'Draft',
  superseded: 'Superseded',
  archived: 'Archived',
}

/** The period as the document writes it, else from its dates. */
export function periodWords(plan: Pick<Plan, 'periodText' | 'periodStart' | 'periodEnd'>): string | undefined {
  if (plan.periodText) return plan.periodText
  if (plan.periodStart && plan.periodEnd) return `${formatMonth(plan.periodStart)} to ${formatMonth(plan.periodEnd)}`
  if (plan.periodStart) return `From ${formatMonth(plan.periodStart)}`
  return undefined
}

export const boardRoleWords: Record<DocumentControl['boards'][number]['role'], string> = {
  owns: 'Owns the plan',
  approves: 'Approves it',
  scrutinises: 'Scrutinises it',
  monitors: 'Monitors it',
  challenges: 'Challenges it',
}

export const sectionKindWords: Record<Section['kind'], string> = {
  'headline-figures': 'Headline figures',
  'financial-principles': 'Financial principles',
  budget: 'Budget',
  workforce: 'Workforce',
  principles: 'Principles',
  promises: 'Promises',
  'values-framework': 'Values framework',
  governance: 'Governance',
  narrative: 'Narrative',
}
