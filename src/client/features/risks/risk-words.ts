import type { Risk } from '../../../shared/entities'
import { riskBandWords, type Rating, ratingWords } from '../../../shared/monitoring/risk-scores'
import type { Movement, Score } from './standing'

/** A risk's name where it has a title ("Risk 1"), else the start of what it says. */
export const riskName = (risk: Pick<Risk, 'title' | 'description'>) => risk.title ?? risk.description

/** "16, very high", or "Not rated". */
export const scoreWords = (score: Score | undefined) =>
  score ? `${score.score}, ${riskBandWords[score.band].toLowerCase()}` : 'Not rated'

export const ratingOrNot = (rating: Rating | undefined) => (rating ? ratingWords(rating) : 'Not rated')

const arrows = { up: '↑', down: '↓', same: '→', new: '+' } as const

/** The movement's arrow, for the eye only: the words beside it say the same. */
export const movementArrow = (movement: Movement | undefined) => (movement ? arrows[movement.movement] : '')

/** "Up from 9", "Down from 16", "Same as before", "New": the words a screen reader hears. */
export function movementWords(movement: Movement | undefined): string {
  switch (movement?.movement) {
    case undefined:
      return 'Not rated'
    case 'up':
      return `Up from ${movement.from}`
    case 'down':
      return `Down from ${movement.from}`
    case 'same':
      return 'Same as before'
    case 'new':
      return 'New'
  }
}
