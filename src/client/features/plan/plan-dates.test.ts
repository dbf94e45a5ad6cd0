import { describe, expect, it } from 'vitest'
import { byPlanDate } from './plan-dates'
import { shortActionTitle } from '../golden-thread/labels'

describe("a plan's dates and long titles", () => {
  it('says a date has passed rather than presenting it as still to come', () => {
    expect(byPlanDate('2021-03-31', '2026-12-02')).toBe(' for March 2021 (date passed)')
    expect(byPlanDate('2027-03-31', '2026-12-02')).toBe(' by March 2027')
    expect(byPlanDate(null, '2026-12-02')).toBe('')
  })

  it("keeps the document's own short title, else takes the first clause, cut at a word", () => {
    expect(shortActionTitle({ title: 'Early help', description: 'A long text.' })).toBe('Early help')
    expect(
      shortActionTitle({
        title: null,
        description: 'Improve the provision of occupational therapy so that children wait less.',
      }),
    ).toBe('Improve the provision of occupational therapy')
    expect(
      shortActionTitle({
        title: null,
        description:
          'Work with adult care and housing providers to improve pathway and transition planning for young people with SEND',
      }),
    ).toBe('Work with adult care and housing providers to improve…')
  })
})
