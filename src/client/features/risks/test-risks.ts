import type { Risk } from '../../../shared/entities'
import type { RiskAssessment } from '../../../shared/plan-records'
import { actions, person, riskOf, themes } from '../../../../tests/support/plan-records'
import { localDb } from '../../db/database'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

const assessment = (quarter: string, assessedAt: string, rating: Partial<RiskAssessment>): RiskAssessment => ({
  quarter,
  likelihood: 1,
  impact: 1,
  residualLikelihood: null,
  residualImpact: null,
  assessedBy: person.id,
  assessedAt,
  ...rating,
})

const riskNumbered = (n: number, fields: Partial<Risk>) =>
  riskOf(uuid(870 + n), { description: `Risk number ${n}`, position: n, ...fields })

/** Rated in two quarters: down from 9 (3 × 3) to a residual 6 (2 × 3). */
export const fallingRisk = riskNumbered(1, {
  title: 'Placement costs rise',
  description: 'Increasing placements lead to increasing costs.',
  mitigations: ['Scrutinise every external placement'],
  owner: 'Head of Finance',
  ownerPersonId: person.id,
  likelihood: 4,
  impact: 4,
  residualLikelihood: 2,
  residualImpact: 3,
  reviewDate: '2099-03-31',
  themeIds: [themes[0]!.id],
  actionIds: [actions[1]!.id],
  assessments: [
    assessment('2026/27 Q2', '2026-08-01T09:00:00.000Z', { likelihood: 3, impact: 3 }),
    assessment('2026/27 Q3', '2026-11-01T09:00:00.000Z', {
      likelihood: 4,
      impact: 4,
      residualLikelihood: 2,
      residualImpact: 3,
      note: 'Panel in place',
    }),
  ],
})
/** Scored by the document alone, never in the app: new, and placed by its inherent 5 × 4. */
export const documentRisk = riskNumbered(2, { title: 'School places', likelihood: 5, impact: 4 })
/** Never rated, its review long past. */
export const unratedRisk = riskNumbered(3, {
  description: 'Families choose schools elsewhere.',
  reviewDate: '2020-01-31',
})
export const archivedRisk = riskNumbered(4, {
  title: 'Old risk',
  likelihood: 1,
  impact: 1,
  archivedAt: '2026-01-01T00:00:00.000Z',
})

export async function addTestRisks() {
  await localDb.risks.bulkPut([fallingRisk, documentRisk, unratedRisk, archivedRisk])
}
