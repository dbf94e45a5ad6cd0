import { beforeEach, describe, expect, it } from 'vitest'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { ids } from '../../../../tests/support/plan-records'
import { addThreadRecords, milestone } from '../golden-thread/test-thread'
import MilestoneView from './MilestoneView.vue'
import { localDb } from '../../db/database'
import { putHistory } from '../../db/grouped'
import { writeMeta } from '../../db/meta'

let deviceSession: () => Promise<Awaited<ReturnType<typeof deviceWithPlan>>>

beforeEach(async () => {
  const session = await deviceWithPlan()
  deviceSession = async () => session
  await addThreadRecords()
})

describe('the milestone page', () => {
  it('shows its deadline as written with the date beside it, its own evidence, and the walk up as named links', async () => {
    const { wrapper } = await mountView(MilestoneView, '/', { id: milestone.id })
    await settle(() => wrapper.find('nav').exists() && wrapper.find('h1').exists())
    expect(wrapper.get('h1').text()).toBe(milestone.title)
    expect(wrapper.text()).toContain('January 2021 (31 January 2021)')
    expect(wrapper.text()).toContain('Protocol signed by both directors')
    expect(wrapper.text()).not.toContain('Transition plans audited')
    const nav = wrapper.get('nav')
    expect(nav.attributes('aria-label')).toBe('The golden thread')
    expect(nav.findAll('a').map((a) => a.text())).toEqual([
      'Outcome 4: Children are safe and protected from harm',
      'Ofsted recommendation 7',
      'Achieving more',
      'Positive futures',
      'K2 Improve transition planning for young people with SEND',
    ])
    expect(nav.findAll('a').map((a) => a.attributes('href'))).toContain(`/themes/${ids.futures}`)
    expect(nav.get('[aria-current="page"]').text()).toBe(milestone.title)
    wrapper.unmount()
  })

  it("gives the team's manager the status control, the evidence form set to it, and only its own history", async () => {
    const session = await deviceSession()
    const manager = { ...session.person, role: 'manager' as const, managesTeamIds: [ids.teamK] }
    await localDb.people.put(manager)
    await writeMeta(localDb, 'session', { ...session, person: manager })
    const entry = (n: number, entityId: string, change: string, details: Record<string, unknown>) => ({
      id: `00000000-0000-4000-8000-${String(950 + n).padStart(12, '0')}`,
      version: 1,
      actionId: milestone.actionId,
      entityType: change === 'status.set' ? 'milestone' : 'progressUpdate',
      entityId,
      change,
      details,
      personId: manager.id,
      deviceId: 'tablet',
      mutationId: `00000000-0000-4000-8000-${String(960 + n).padStart(12, '0')}`,
      madeAt: '2026-11-02T10:00:00.000Z',
      receivedAt: '2026-11-02T10:00:01.000Z',
      outcome: 'applied' as const,
    })
    await putHistory(localDb, [
      entry(1, milestone.id, 'status.set', { status: 'at-risk', previous: 'on-track' }),
      entry(2, '00000000-0000-4000-8000-000000000970', 'progress.post', { rag: 'red', period: '2026/27 Q3' }),
    ])
    const { wrapper } = await mountView(MilestoneView, '/', { id: milestone.id })
    await settle(() => wrapper.find('label[for^="status-"]').exists() && wrapper.text().includes('Set milestone'))
    expect(wrapper.get('label[for^="status-"]').text()).toBe('Milestone status')
    const chosen = wrapper.findAll('select').find((select) => select.text().includes('The project as a whole'))!
    expect((chosen.element as HTMLSelectElement).selectedOptions[0]!.text).toBe(milestone.title)
    const history = wrapper.get('section[aria-labelledby="history-heading"]').text()
    expect(history).toContain('Set milestone')
    expect(history).not.toContain('Posted the')
    wrapper.unmount()
  })

  it('says when the milestone is not on the device', async () => {
    const { wrapper } = await mountView(MilestoneView, '/', { id: '00000000-0000-4000-8000-000000009999' })
    await settle(() => wrapper.text().includes('Milestone not found'))
    wrapper.unmount()
  })
})
