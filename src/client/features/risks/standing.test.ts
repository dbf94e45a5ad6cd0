import { describe, expect, it } from 'vitest'
import type { RiskAssessment } from '../../../shared/plan-records'
import { heatMapOf } from './heat-map'
import { movementArrow, movementWords } from './risk-words'
import { movementOfRisk, reviewOverdue } from './standing'
import { placedOf } from '../../../shared/monitoring/risk-scores'
import { documentRisk, fallingRisk, unratedRisk } from './test-risks'

const rated = (quarter: string, likelihood: number, impact: number, residual?: [number, number]): RiskAssessment => ({
  quarter,
  likelihood,
  impact,
  residualLikelihood: residual?.[0] ?? null,
  residualImpact: residual?.[1] ?? null,
  assessedBy: fallingRisk.id,
  assessedAt: `20${quarter.slice(2, 4)}-0${quarter.at(-1)}-01T00:00:00.000Z`,
})
const riskRatedAs = (...assessments: RiskAssessment[]) => ({ ...assessments.at(-1)!, assessments })

describe('how a risk moved since the last quarter', () => {
  it('compares the latest rating with the last one of an earlier quarter, by residual where rated', () => {
    expect(movementOfRisk(riskRatedAs(rated('2026/27 Q1', 2, 2), rated('2026/27 Q2', 4, 4)))).toEqual({
      movement: 'up',
      from: 4,
    })
    expect(movementOfRisk(riskRatedAs(rated('2026/27 Q1', 3, 3), rated('2026/27 Q2', 5, 5, [3, 2])))).toEqual({
      movement: 'down',
      from: 9,
    })
    expect(movementOfRisk(riskRatedAs(rated('2026/27 Q1', 2, 3), rated('2026/27 Q2', 3, 2)))).toEqual({
      movement: 'same',
      from: 6,
    })
  })

  it('is new with no rating of an earlier quarter, and absent with no rating at all', () => {
    expect(movementOfRisk(riskRatedAs(rated('2026/27 Q2', 4, 4)))).toEqual({ movement: 'new' })
    expect(movementOfRisk(documentRisk)).toEqual({ movement: 'new' })
    expect(movementOfRisk(unratedRisk)).toBeUndefined()
  })

  it('says it in words, the arrow being extra', () => {
    expect(movementWords({ movement: 'up', from: 4 })).toBe('Up from 4')
    expect(movementWords({ movement: 'down', from: 9 })).toBe('Down from 9')
    expect(movementWords({ movement: 'same', from: 6 })).toBe('Same as before')
    expect(movementWords({ movement: 'new' })).toBe('New')
    expect(movementWords(undefined)).toBe('Not rated')
    expect(movementArrow({ movement: 'up', from: 4 })).toBe('↑')
    expect(movementArrow({ movement: 'down', from: 4 })).toBe('↓')
  })
})

describe('the heat map', () => {
  const grid = heatMapOf([fallingRisk, documentRisk, unratedRisk].map((risk) => ({ risk })))
  const cellOf = (likelihood: number, impact: number) => grid[5 - likelihood]![impact - 1]!

  it('puts the most likely at the top and the greatest impact on the right, each cell scored and banded', () => {
    expect(grid.map((row) => row[0]!.likelihood)).toEqual([5, 4, 3, 2, 1])
    expect(grid[0]!.map((cell) => cell.impact)).toEqual([1, 2, 3, 4, 5])
    expect(cellOf(5, 5)).toMatchObject({ score: 25, band: 'very high' })
    expect(cellOf(1, 4)).toMatchObject({ score: 4, band: 'low' })
    expect(cellOf(2, 3)).toMatchObject({ score: 6, band: 'medium' })
  })

  it('places a risk by its residual rating where rated, else its inherent one, and leaves the unrated out', () => {
    expect(placedOf(fallingRisk)).toEqual({ likelihood: 2, impact: 3 })
    expect(cellOf(2, 3).risks.map((row) => row.risk.id)).toEqual([fallingRisk.id])
    expect(cellOf(4, 4).risks).toEqual([])
    expect(cellOf(5, 4).risks.map((row) => row.risk.id)).toEqual([documentRisk.id])
    expect(grid.flat().flatMap((cell) => cell.risks)).toHaveLength(2)
  })
})

it('flags a review date that has passed, not one still to come', () => {
  expect(reviewOverdue(unratedRisk, '2026-12-03')).toBe(true)
  expect(reviewOverdue(fallingRisk, '2026-12-03')).toBe(false)
  expect(reviewOverdue(documentRisk, '2026-12-03')).toBe(false)
})
