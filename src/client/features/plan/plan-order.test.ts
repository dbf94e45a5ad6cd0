import { describe, expect, it } from 'vitest'
import { plan } from '../../../../tests/support/plan-records'
import type { Plan } from '../../../shared/entities'
import { planShownTo, sortPlans } from './plan-order'

const withStatus = (title: string, status: Plan['status'], periodStart: string | null): Plan => ({
  ...plan,
  id: title,
  title,
  status,
  periodStart,
})

describe('Which plans a person sees, in which order', () => {
  const plans = [
    withStatus('Old framework', 'superseded', null),
    withStatus('Next plan', 'draft', '2024-04-01'),
    withStatus('Archived plan', 'archived', '2010-04-01'),
    withStatus('Current plan', 'approved', '2020-04-01'),
    withStatus('Newer current plan', 'approved', '2022-04-01'),
  ]
  it('puts current plans first, latest first, then drafts, then superseded and archived ones', () => {
    expect(sortPlans(plans).map((p) => p.title)).toEqual([
      'Newer current plan',
      'Current plan',
      'Next plan',
      'Old framework',
      'Archived plan',
    ])
  })
  it('shows drafts to plan admins only', () => {
    expect(plans.filter((p) => planShownTo(p, 'practitioner')).map((p) => p.title)).not.toContain('Next plan')
    expect(plans.filter((p) => planShownTo(p, 'manager'))).toHaveLength(4)
    expect(plans.filter((p) => planShownTo(p, 'admin'))).toHaveLength(5)
  })
})
