import { describe, expect, it } from 'vitest'
import { needsUpdateOf, outstandingByPerson, quarterOfDay, type WorkSnapshot } from './needs-update'

const lead = { id: 'p-lead', role: 'practitioner' as const, managesTeamIds: [] as string[], name: 'Pat Lead' }
const manager = { id: 'p-manager', role: 'manager' as const, managesTeamIds: ['t-1'], name: 'Morgan Manager' }
const action = (id: string, over: Partial<WorkSnapshot['actions'][number]> = {}) => ({
  id,
  code: id.toUpperCase(),
  title: `Action ${id}`,
  description: '',
  leadPersonId: null,
  leadTeamId: null,
  status: 'on-track' as const,
  ...over,
})
const milestone = (
  id: string,
  actionId: string,
  dueDate: string | null,
  over: Partial<WorkSnapshot['milestones'][number]> = {},
) => ({
  id,
  actionId,
  title: `Milestone ${id}`,
  dueDate,
  ownerPersonId: null,
  status: 'on-track' as const,
  ...over,
})

describe('the reporting quarter of a day', () => {
  it('runs with the financial year, ending with calendar quarters', () => {
    expect(quarterOfDay('2026-12-03')).toEqual({ period: '2026/27 Q3', lastDay: '2026-12-31' })
    expect(quarterOfDay('2027-02-10')).toEqual({ period: '2026/27 Q4', lastDay: '2027-03-31' })
    expect(quarterOfDay('2026-04-01')).toEqual({ period: '2026/27 Q1', lastDay: '2026-06-30' })
  })
})

describe('what needs a person’s update this quarter', () => {
  const today = '2026-12-03'
  const work: WorkSnapshot = {
    actions: [
      action('a1', { leadPersonId: lead.id }),
      action('a2', { leadPersonId: lead.id }),
      action('a3', { leadPersonId: lead.id, status: 'complete' }),
      action('a4', { leadTeamId: 't-1' }),
      action('a5'),
    ],
    milestones: [
      milestone('m-overdue', 'a1', '2026-11-01'),
      milestone('m-this-quarter', 'a2', '2026-12-20'),
      milestone('m-next-quarter', 'a1', '2027-01-05'),
      milestone('m-done', 'a1', '2026-10-01', { status: 'complete' }),
      milestone('m-no-date', 'a1', null),
      milestone('m-owned', 'a5', '2026-12-31', { ownerPersonId: lead.id }),
      milestone('m-other', 'a5', '2026-10-01'),
    ],
    updatedThisQuarter: new Set(['a2']),
  }

  it('lists the actions they lead without this quarter’s update, leaving out complete ones', () => {
    expect(needsUpdateOf(lead, work, today).actions.map((a) => a.id)).toEqual(['a1'])
  })

  it('lists milestones due this quarter or overdue, on their actions or owned by them, not complete, soonest first', () => {
    expect(needsUpdateOf(lead, work, today).milestones).toEqual([
      { id: 'm-overdue', title: 'Milestone m-overdue', actionId: 'a1', dueDate: '2026-11-01', overdue: true },
      {
        id: 'm-this-quarter',
        title: 'Milestone m-this-quarter',
        actionId: 'a2',
        dueDate: '2026-12-20',
        overdue: false,
      },
      { id: 'm-owned', title: 'Milestone m-owned', actionId: 'a5', dueDate: '2026-12-31', overdue: false },
    ])
  })

  it('counts a manager as leading what the teams they manage lead; a practitioner in the team does not', () => {
    expect(needsUpdateOf(manager, work, today).actions.map((a) => a.id)).toEqual(['a4'])
    expect(needsUpdateOf({ ...manager, role: 'practitioner' }, work, today).actions).toEqual([])
  })

  it('for admins, shows each person outstanding with only overdue milestones, most outstanding first', () => {
    const rows = outstandingByPerson([manager, lead, { ...lead, id: 'p-none', name: 'Nobody' }], work, today)
    expect(rows.map((r) => r.person.id)).toEqual(['p-lead', 'p-manager'])
    expect(rows[0]!.outstanding.milestones.map((m) => m.id)).toEqual(['m-overdue'])
  })
})
