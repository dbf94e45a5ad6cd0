import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, ids, milestones, person, plan } from '../../../../tests/support/plan-records'
import { quarterOf } from '../../../shared/sync/quarter'
import { putHistory } from '../../db/grouped'
import { writeMeta } from '../../db/meta'

const recordId = (n: number) => `00000000-0000-4000-8000-${String(900 + n).padStart(12, '0')}`
const actionId = (code: string) => actions.find((a) => a.code === code)!.id
import MyTeamView from './MyTeamView.vue'

let deviceSession: () => Promise<Awaited<ReturnType<typeof deviceWithPlan>>>

describe('My team', () => {
  beforeEach(async () => {
    const session = await deviceWithPlan()
    deviceSession = async () => session
  })

  it("answers what matters this quarter: the quarter in a sentence, what is due, the team's projects as rows, the values, the rest one tap away", async () => {
    const today = new Date().toISOString().slice(0, 10)
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
    const k2 = actionId('K2')
    // K2 (the team's own): one milestone overdue, one next; and one assigned to Alex, overdue.
    await localDb.milestones.bulkPut([
      {
        ...milestones[0]!,
        searchText: '',
        id: recordId(1),
        actionId: k2,
        title: 'Protocol agreed',
        dueDate: inDays(-10),
        status: 'at-risk',
      },
      {
        ...milestones[0]!,
        searchText: '',
        id: recordId(2),
        actionId: k2,
        title: 'Panel meets monthly',
        dueDate: inDays(20),
        status: 'not-started',
        position: 1,
      },
    ])
    await localDb.assignments.put({
      id: recordId(3),
      version: 1,
      actionId: null,
      milestoneId: recordId(1),
      personId: person.id,
      teamId: null,
      assignedBy: person.id,
      assignedAt: `${today}T09:00:00.000Z`,
    })
    await localDb.actions.update(k2, { status: 'at-risk' })
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('Protocol agreed'))
    expect(wrapper.get('h1').text()).toBe('Kingston Disabilities Team')
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      `This quarter, ${quarterOf(new Date())}`,
      'Due from you',
      "Your team's projects",
      'Our values',
      'The rest of the plan',
    ])
    expect(wrapper.get('#quarter-heading').element.parentElement!.textContent).toMatch(
      /Your team has 1 project: 1 at risk\.\s*2 milestones overdue; 1 project has no update yet\./,
    )
    const due = wrapper.get('section[aria-labelledby="due-heading"]')
    expect(due.text()).toContain('Protocol agreed')
    expect(due.text()).toContain('Overdue, was due')
    expect(due.get('a').attributes('href')).toBe(`/milestones/${recordId(1)}`)

    // The team's own project as one row: code, short title, lead, status in words, overdue, next milestone.
    const own = wrapper.get('section[aria-labelledby="own-heading"]').findAll('.project-rows > li')
    expect(own).toHaveLength(1)
    const row = own[0]!.text().replace(/\s+/g, ' ')
    expect(row).toContain('K2: Improve transition planning for young people with SEND')
    expect(row).toContain('Associate Director')
    expect(row).toContain('At risk (amber)')
    expect(row).toContain('2 overdue')
    expect(row).toContain('Next: Panel meets monthly')
    // Long past milestones and measures from the document are not shown as current.
    expect(wrapper.text()).not.toContain('K2 milestone')
    expect(wrapper.text()).not.toContain('March 2021')

    expect(wrapper.findAll('.values li').map((li) => li.text())).toEqual(['Trust', 'Respect', 'Empower'])
    const rest = wrapper.get('details.rest')
    expect(rest.attributes('open')).toBeUndefined()
    expect(rest.get('summary').text()).toBe('3 more projects for your area and the whole organisation')
    expect(rest.findAll('.code').map((c) => c.text())).toEqual(['K1', 'C2', 'C1'])
    expect(wrapper.text()).not.toContain('Richmond')
    wrapper.unmount()
  })

  it('gives a long description a short title, with the whole of it on the project’s page', async () => {
    const c1 = actionId('C1')
    await localDb.actions.update(c1, {
      leadTeamId: ids.teamK,
      description:
        'Continue to develop as a provider of residential support for children and young people in care so that more live close to home',
    })
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('Continue to develop'))
    const title = wrapper.get('section[aria-labelledby="own-heading"] a.title').text().replace(/\s+/g, ' ')
    expect(title).toBe('C1: Continue to develop as a provider of residential support for…')
    wrapper.unmount()
  })

  it("shows a manager each person's own work, what is overdue, and who has not updated this quarter", async () => {
    const manager = {
      ...person,
      id: recordId(10),
      name: 'Jordan Manager',
      role: 'manager' as const,
      managesTeamIds: [ids.teamK],
    }
    const colleague = { ...person, id: recordId(11), name: 'Chris Colleague' }
    const quiet = { ...person, id: recordId(12), name: 'Pat Quiet' }
    await localDb.people.bulkPut([manager, colleague, quiet])
    await localDb.milestones.put({
      ...milestones[0]!,
      searchText: '',
      id: recordId(1),
      title: 'Overdue one',
      dueDate: '2024-01-31',
      status: 'at-risk',
    })
    await localDb.assignments.put({
      id: recordId(3),
      version: 1,
      actionId: null,
      milestoneId: recordId(1),
      personId: person.id,
      teamId: null,
      assignedBy: manager.id,
      assignedAt: '2024-01-01T09:00:00.000Z',
    })
    await putHistory(localDb, [
      {
        id: recordId(4),
        version: 1,
        actionId: actionId('K2'),
        entityType: 'progressUpdate',
        entityId: recordId(5),
        change: 'progress.post',
        details: {},
        personId: colleague.id,
        mutationId: recordId(6),
        deviceId: 'd',
        madeAt: new Date().toISOString(),
        receivedAt: new Date().toISOString(),
        outcome: 'applied',
      },
    ])
    const session = await deviceSession()
    await writeMeta(localDb, 'session', { ...session, person: manager })
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.find('table.members').exists() && wrapper.text().includes('Alex Test'))
    const rows = wrapper
      .findAll('table.members tbody tr')
      .map((tr) => tr.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')))
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Alex Test', '1', '1 (oldest due 31 January 2024)'],
      ['Chris Colleague', '0', 'None'],
    ])
    expect(rows[0]![3]).toBe('Not yet')
    expect(rows[1]![3]).not.toBe('Not yet')
    expect(wrapper.text()).toContain('2 of 3 have not posted an update or evidence')
    expect(wrapper.get('details.idle').text()).toContain('Pat Quiet')
    wrapper.unmount()
  })

  it('says which plan each priority is in when more than one plan is current', async () => {
    const theme = (await localDb.themes.get(ids.futures))!
    const action = (await localDb.actions.where('code').equals('C1').first())!
    const other = { ...plan, id: '00000000-0000-4000-8000-000000000600', title: 'Improvement plan' }
    await localDb.plans.put(other)
    await localDb.themes.put({
      ...theme,
      id: '00000000-0000-4000-8000-000000000601',
      planId: other.id,
      title: 'Early help',
    })
    await localDb.actions.put({
      ...action,
      id: '00000000-0000-4000-8000-000000000602',
      planId: other.id,
      themeId: '00000000-0000-4000-8000-000000000601',
      code: 'EH1',
      areaIds: [],
    })
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('Early help'))
    const region = wrapper.get('section[aria-labelledby="priority-00000000-0000-4000-8000-000000000601"]')
    expect(region.text()).toContain('in Improvement plan')
    expect(region.findAll('.code').map((c) => c.text())).toEqual(['EH1'])
    wrapper.unmount()
  })

  it('updates when sync writes a change', async () => {
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('Embed a practice framework in Kingston'))
    const k1 = await localDb.actions.where('code').equals('K1').first()
    await localDb.actions.put({ ...k1!, description: 'Embed Signs of Safety in Kingston' })
    await settle(() => wrapper.text().includes('Embed Signs of Safety in Kingston'))
    wrapper.unmount()
  })

  it('leaves out the values where the organisation has written none', async () => {
    await localDb.values.clear()
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.find('h1').exists())
    expect(wrapper.findAll('h2').map((h) => h.text())).not.toContain('Our values')
    wrapper.unmount()
  })

  it('says so when the plan has not reached the device yet', async () => {
    await localDb.people.clear()
    const { wrapper } = await mountView(MyTeamView)
    await settle(() => wrapper.text().includes('have not reached this device yet'))
    wrapper.unmount()
  })
})
