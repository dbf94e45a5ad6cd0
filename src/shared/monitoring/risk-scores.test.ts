import { describe, expect, it } from 'vitest'
import { bandOf, movementOf, ratingWords, scoreOf } from './risk-scores'

describe('risk scores', () => {
  it('are likelihood times impact, banded at 5, 10 and 15', () => {
    expect(scoreOf({ likelihood: 4, impact: 4 })).toBe(16)
    expect([1, 4, 5, 9, 10, 14, 15, 25].map(bandOf)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very high',
      'very high',
    ])
  })

  it('say their rating in words', () => {
    expect(ratingWords({ likelihood: 4, impact: 4 })).toBe('Likely (4) × Major (4) = 16, very high')
    expect(ratingWords({ likelihood: 1, impact: 3 })).toBe('Rare (1) × Moderate (3) = 3, low')
  })

  it('move up, down or not at all from the last quarter, or are new', () => {
    expect(movementOf({ likelihood: 4, impact: 4 }, { likelihood: 3, impact: 4 })).toBe('up')
    expect(movementOf({ likelihood: 2, impact: 4 }, { likelihood: 3, impact: 4 })).toBe('down')
    expect(movementOf({ likelihood: 2, impact: 4 }, { likelihood: 4, impact: 2 })).toBe('same')
    expect(movementOf({ likelihood: 2, impact: 4 }, undefined)).toBe('new')
  })
})
