import { describe, expect, it } from 'vitest'
import { actions, ids } from '../../../../tests/support/plan-records'
import { rankForTeam, type TeamContext } from './relevance'

const kingstonTeam: TeamContext = {
  teamIds: new Set([ids.teamK]),
  areaIds: new Set([ids.kingston]),
  organisationAreaId: ids.company,
  assignedActionIds: new Set(),
}

describe('which projects matter to a team', () => {
  it("puts the team's own projects first, then its area's, then the whole organisation's", () => {
    const ranked = rankForTeam(actions, kingstonTeam)
    expect(ranked.map((r) => `${r.action.code}:${r.relevance}`)).toEqual([
      'K2:led-by-team',
      'K1:area',
      'C1:organisation',
      'C2:organisation',
    ])
  })

  it('leaves out other boroughs, unless the project is assigned to the team', () => {
    const r1 = actions.find((a) => a.code === 'R1')!
    const ranked = rankForTeam(actions, { ...kingstonTeam, assignedActionIds: new Set([r1.id]) })
    expect(ranked.map((r) => r.action.code)).toEqual(['K2', 'R1', 'K1', 'C1', 'C2'])
    expect(ranked[1]?.relevance).toBe('assigned-to-team')
    expect(ranked.some((r) => r.action.code === 'R2')).toBe(false)
  })

  it('counts an action with no areas as the whole organisation’s', () => {
    const everywhere = { ...actions[0]!, id: 'everywhere', code: 'G1', areaIds: [] }
    expect(
      rankForTeam([everywhere], { ...kingstonTeam, organisationAreaId: undefined }).map((r) => r.relevance),
    ).toEqual(['organisation'])
  })

  it('shows a person with no team the whole organisation only', () => {
    const ranked = rankForTeam(actions, {
      teamIds: new Set(),
      areaIds: new Set(),
      organisationAreaId: ids.company,
      assignedActionIds: new Set(),
    })
    expect(ranked.map((r) => r.action.code)).toEqual(['C1', 'C2'])
  })
})
