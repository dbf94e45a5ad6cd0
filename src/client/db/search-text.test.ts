import { describe, expect, it } from 'vitest'
import { searchTextOf } from './search-text'

describe('the text search keeps for a theme, action or milestone', () => {
  it("holds its text fields, its leads' and owners' roles and people, its focus and what staff said, lower-cased", () => {
    const text = searchTextOf({
      code: 'A1',
      title: null,
      description: 'Strengthen the MASH',
      deadlineText: 'March 2018 and ongoing',
      monitoring: 'Performance Board',
      leads: [{ role: 'Head of Early Help', person: 'Jo Bloggs' }, { role: 'Service Manager' }],
      owners: [{ role: 'Director' }],
      focus: ['Early intervention'],
      whatStaffSaid: ['We need more time'],
      status: 'on-track',
      outcomeIds: ['00000000-0000-4000-8000-000000000001'],
    })
    const parts = [
      'a1',
      'strengthen the mash',
      'march 2018 and ongoing',
      'performance board',
      'head of early help',
      'jo bloggs',
    ]
    for (const part of [...parts, 'service manager', 'director', 'early intervention', 'we need more time'])
      expect(text).toContain(part)
    expect(text).not.toContain('on-track')
    expect(text).not.toContain('00000000')
  })
})
