import { describe, expect, it } from 'vitest'
import { dueGroupOf, groupByDue, type WorkItem } from './my-work'

const item = (id: string, dueDate: string | null, status: WorkItem['status'] = 'on-track'): WorkItem => ({
  id,
  kind: 'milestone',
  title: id,
  actionId: 'a',
  actionName: 'K9 Improve transitions',
  planTitle: 'Achieving more',
  dueDate,
  status,
  assignedTo: 'You',
})

describe('grouping work by when it is due', () => {
  const today = '2026-11-23'

  it('puts each item in the right group', () => {
    expect(dueGroupOf(item('a', '2026-11-22'), today)).toBe('overdue')
    expect(dueGroupOf(item('b', '2026-11-23'), today)).toBe('due-soon')
    expect(dueGroupOf(item('c', '2026-12-23'), today)).toBe('due-soon')
    expect(dueGroupOf(item('d', '2026-12-24'), today)).toBe('later')
    expect(dueGroupOf(item('e', null), today)).toBe('no-date')
    expect(dueGroupOf(item('f', '2020-01-01', 'complete'), today)).toBe('complete')
  })

  it('lists overdue first, soonest first within a group, and leaves out empty groups', () => {
    const groups = groupByDue(
      [
        item('later', '2027-03-01'),
        item('late2', '2026-10-01'),
        item('late1', '2026-09-01'),
        item('soon', '2026-11-30'),
      ],
      today,
    )
    expect(groups.map((g) => g.heading)).toEqual(['Overdue', 'Due in the next 30 days', 'Due later'])
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['late1', 'late2'])
  })
})
