import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../../shared/entities'
import { notKeptChanges } from './notices'

const entry = (
  id: string,
  personId: string,
  madeAt: string,
  outcome: HistoryEntry['outcome'],
  status: string,
): HistoryEntry => ({
  id,
  version: 1,
  actionId: 'a',
  entityType: 'milestone',
  entityId: 'm1',
  change: 'status.set',
  details: { status },
  personId,
  deviceId: 'd',
  mutationId: `mut-${id}`,
  madeAt,
  receivedAt: madeAt,
  outcome,
})

describe('changes that did not stand', () => {
  it('tells the person whose status change arrived late and lost', () => {
    const history = [
      entry('1', 'manager', '2026-11-23T11:00:00Z', 'applied', 'complete'),
      entry('2', 'admin', '2026-11-23T10:00:00Z', 'superseded', 'at-risk'),
    ]
    const notices = notKeptChanges(history, 'admin', () => 'mut-1')
    expect(notices).toHaveLength(1)
    expect(notices[0]!.winner?.personId).toBe('manager')
  })

  it('tells the person whose change was applied first and then overtaken', () => {
    const history = [
      entry('1', 'admin', '2026-11-23T10:00:00Z', 'applied', 'at-risk'),
      entry('2', 'manager', '2026-11-23T11:00:00Z', 'applied', 'complete'),
    ]
    expect(notKeptChanges(history, 'admin', () => 'mut-2').map((n) => n.mine.id)).toEqual(['1'])
    // The winner is not told anything.
    expect(notKeptChanges(history, 'manager', () => 'mut-2')).toEqual([])
  })

  it('says nothing when a person overrides their own earlier change', () => {
    const history = [
      entry('1', 'admin', '2026-11-23T10:00:00Z', 'applied', 'at-risk'),
      entry('2', 'admin', '2026-11-23T11:00:00Z', 'applied', 'complete'),
    ]
    expect(notKeptChanges(history, 'admin', () => 'mut-2')).toEqual([])
  })
})
