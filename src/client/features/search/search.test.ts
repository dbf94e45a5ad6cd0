import { describe, expect, it } from 'vitest'
import { search, type SearchEntry } from './search'

const entries: SearchEntry[] = [
  {
    kind: 'milestone',
    id: 'm1',
    title: 'A revised transitions protocol has been agreed',
    text: 'a revised transitions protocol has been agreed',
  },
  {
    kind: 'action',
    id: 'a2',
    title: 'K9 Improve transition planning',
    text: 'k9\nimprove transition planning for young people with send',
  },
  { kind: 'theme', id: 't1', title: 'Positive futures', text: 'positive futures\nyoung people achieve well' },
  { kind: 'value', id: 'v1', title: 'Trust', text: 'trust\nwe are reliable' },
  {
    kind: 'recommendation',
    id: 'r12',
    title: 'Ofsted recommendation 12',
    text: 'ofsted recommendation 12\nimprove transition planning',
  },
  {
    kind: 'outcome',
    id: 'o1',
    title: 'Outcome 1: Children have the best start in life',
    text: '1\nchildren have the best start in life',
  },
]

describe('searching the plans', () => {
  it('finds entries holding every word, in any case, the top of the thread first and milestones last', () => {
    const results = search(entries, 'Transition')
    expect(results.total).toBe(3)
    expect(results.entries.map((e) => e.kind)).toEqual(['recommendation', 'action', 'milestone'])
  })

  it('needs all the words to match', () => {
    expect(search(entries, 'young send').entries.map((e) => e.id)).toEqual(['a2'])
    expect(search(entries, 'young people').entries.map((e) => e.id)).toEqual(['t1', 'a2'])
    expect(search(entries, 'recommendation 12').entries.map((e) => e.id)).toEqual(['r12'])
  })

  it('finds nothing for an empty query or a word that is nowhere', () => {
    expect(search(entries, '   ').total).toBe(0)
    expect(search(entries, 'zebra').total).toBe(0)
  })

  it('counts everything found but returns at most the limit', () => {
    const many = Array.from({ length: 120 }, (_, n): SearchEntry => ({
      kind: 'milestone',
      id: `m${n}`,
      title: 'x',
      text: 'review',
    }))
    const results = search(many, 'review', 50)
    expect(results.total).toBe(120)
    expect(results.entries).toHaveLength(50)
  })
})
