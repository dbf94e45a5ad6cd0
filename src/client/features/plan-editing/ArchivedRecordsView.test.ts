import { beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../../shared/entities'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { actions, milestones, person, plan, themes } from '../../../../tests/support/plan-records'
import ArchivedRecordsView from './ArchivedRecordsView.vue'

const milestone = milestones[0]!
const project = actions[1]!
const theme = themes[1]!

async function signedInAs(role: Role) {
  const session = await deviceWithPlan()
  await writeMeta(localDb, 'session', { ...session, person: { ...person, role } })
  await localDb.milestones.update(milestone.id, { archivedAt: '2026-11-02T09:30:00.000Z' })
  await localDb.actions.update(project.id, { archivedAt: '2026-11-03T14:00:00.000Z' })
}

describe('the plan’s archived records', () => {
  beforeEach(() => signedInAs('admin'))

  it('lists them type by type, with when each was archived and a link to its form', async () => {
    const { wrapper } = await mountView(ArchivedRecordsView, '/', { id: plan.id })
    await settle(() => wrapper.find('h2').exists())
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Projects', 'Milestones'])
    const items = wrapper.findAll('li.card')
    expect(items.map((item) => item.get('a').text())).toEqual([
      `${project.code} ${project.description}`,
      milestone.title,
    ])
    expect(items.map((item) => item.get('a').attributes('href'))).toEqual([
      `/edit/action/${project.id}`,
      `/edit/milestone/${milestone.id}`,
    ])
    expect(items[1]!.get('time').attributes('datetime')).toBe('2026-11-02T09:30:00.000Z')
    expect(items[1]!.text()).toContain('Archived 2 Nov')
    expect(wrapper.text()).not.toContain(theme.title)
    wrapper.unmount()
  })

  it('restores one by queuing the change the form queues: it leaves the list and is back in the plan', async () => {
    const { wrapper } = await mountView(ArchivedRecordsView, '/', { id: plan.id })
    await settle(() => wrapper.findAll('li.card').length === 2)
    const restore = wrapper.findAll('button').find((button) => button.text().includes(milestone.title))!
    expect(restore.text()).toBe(`Restore the milestone “${milestone.title}”`)
    await restore.trigger('click')
    await settle(() => wrapper.findAll('li.card').length === 1)
    const [queued] = await localDb.outbox.toArray()
    expect(queued!.mutation).toMatchObject({
      kind: 'record.archive',
      data: { type: 'milestone', id: milestone.id, archived: false },
    })
    expect((await localDb.milestones.get(milestone.id))!.archivedAt).toBeNull()
    expect(wrapper.get('[role="status"]').text()).toContain(`Restored the milestone “${milestone.title}”`)
    wrapper.unmount()
  })

  it('says when nothing is archived, and offers no restoring on a plan kept as it was', async () => {
    await localDb.milestones.update(milestone.id, { archivedAt: null })
    await localDb.actions.update(project.id, { archivedAt: null })
    const empty = await mountView(ArchivedRecordsView, '/', { id: plan.id })
    await settle(() => empty.wrapper.text().includes('Nothing in this plan is archived.'))
    empty.wrapper.unmount()

    await localDb.themes.update(theme.id, { archivedAt: '2026-11-04T10:00:00.000Z' })
    await localDb.plans.update(plan.id, { status: 'superseded' })
    const kept = await mountView(ArchivedRecordsView, '/', { id: plan.id })
    await settle(() => kept.wrapper.text().includes(theme.title))
    expect(kept.wrapper.text()).toContain('nothing in it can be restored')
    expect(kept.wrapper.findAll('button')).toHaveLength(0)
    kept.wrapper.unmount()
  })
})

describe.each(['practitioner', 'viewer'] as const)('a %s', (role) => {
  beforeEach(() => signedInAs(role))

  it('is told only a plan admin sees archived records, and sees none', async () => {
    const { wrapper } = await mountView(ArchivedRecordsView, '/', { id: plan.id })
    await settle(() => wrapper.find('h1').exists())
    expect(wrapper.text()).toContain('Only a plan admin can see and restore archived records.')
    expect(wrapper.text()).not.toContain(milestone.title)
    expect(wrapper.findAll('button')).toHaveLength(0)
    wrapper.unmount()
  })
})
