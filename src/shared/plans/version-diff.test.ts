import { describe, expect, it } from 'vitest'
import { versionDiff } from './version-diff'

describe('what changed between two versions of a plan', () => {
  const older = {
    theme: [{ id: 't1', planId: 'p1', title: 'Stable homes' }],
    action: [
      { id: 'a1', planId: 'p1', themeId: 't1', title: 'Recruit carers', dueDate: '2026-03-31' },
      { id: 'a2', planId: 'p1', themeId: 't1', title: 'Done already', status: 'complete' },
    ],
  }
  const newer = {
    theme: [{ id: 't9', planId: 'p2', title: 'Stable homes', carriedFromId: 't1' }],
    action: [
      { id: 'a9', planId: 'p2', themeId: 't9', title: 'Recruit carers', dueDate: null, carriedFromId: 'a1' },
      { id: 'a8', planId: 'p2', themeId: 't9', title: 'A new project', carriedFromId: null },
    ],
  }

  it('lists records added, removed and changed, with the fields, and a copy unchanged as unchanged', () => {
    const diff = versionDiff(older, newer)
    expect(diff.added.map((a) => a.record.id)).toEqual(['a8'])
    expect(diff.removed.map((r) => r.record.id)).toEqual(['a2'])
    // The theme is the same through the pairing (its new id and plan are not changes).
    expect(diff.changed).toEqual([
      { type: 'action', id: 'a9', fields: [{ name: 'dueDate', from: '2026-03-31', to: null }] },
    ])
  })

  it('follows the carried-from chain through a version between', () => {
    const latest = {
      theme: [{ id: 't20', planId: 'p3', title: 'Stable homes for all', carriedFromId: 't9' }],
      action: [],
    }
    const diff = versionDiff(older, latest, new Map([['t9', 't1']]))
    expect(diff.changed).toEqual([
      { type: 'theme', id: 't20', fields: [{ name: 'title', from: 'Stable homes', to: 'Stable homes for all' }] },
    ])
    expect(diff.removed.map((r) => r.record.id).sort()).toEqual(['a1', 'a2'])
  })
})
