import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { SessionInfo } from '../../../shared/api'
import type { ProgressUpdate } from '../../../shared/entities'
import { buildQuarterlyReport } from '../../../shared/monitoring/quarterly-report'
import type { ReportLock } from '../../../shared/monitoring/report-locks'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import * as fixture from '../../../../tests/support/plan-records'
import { monitoringRecordsOf } from '../dashboard/queries'
import { figuresChanged } from './locked-report'
import ReportView from './ReportView.vue'

const { ids } = fixture
const quarter = '2020/21 Q4'
const k1 = fixture.actions.find((action) => action.code === 'K1')!
const update = (n: number, rag: ProgressUpdate['rag'], commentary: string): ProgressUpdate => ({
  id: `00000000-0000-4000-8000-00000000097${n}`,
  version: 1,
  actionId: k1.id,
  period: quarter,
  rag,
  commentary,
  authorId: ids.person,
  madeAt: `2021-02-0${n}T10:00:00Z`,
  receivedAt: `2021-02-0${n}T10:00:00Z`,
})

/** The quarter locked with the report this device builds now, as the server would have sent it. */
async function lockAsItStands(report?: Record<string, unknown>): Promise<ReportLock> {
  const records = (await monitoringRecordsOf(ids.plan))!
  const built = buildQuarterlyReport(records, quarter, '2021-03-31', { people: { [ids.person]: fixture.person.name } })
  // Stored as jsonb, the report comes back with its keys in another order.
  const reordered = JSON.parse(
    JSON.stringify(built, (_key, value: unknown) => reverseKeys(value)),
  ) as ReportLock['report']
  const lock: ReportLock = {
    id: '00000000-0000-4000-8000-000000000980',
    version: 99,
    planId: ids.plan,
    quarter,
    report: report ?? reordered,
    lockedBy: ids.person,
    lockedAt: '2021-04-06T09:30:00.000+00:00',
  }
  await localDb.reportLocks.put(lock)
  return lock
}
const reverseKeys = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).reverse())
    : value

let wrapper: VueWrapper | undefined
beforeEach(async () => {
  await deviceWithPlan()
  await localDb.updatesByAction.put({ actionId: k1.id, entries: [update(1, 'amber', 'Recruiting practice leads.')] })
})
afterEach(() => wrapper?.unmount())

async function openReport() {
  const mounted = await mountView(ReportView, `/plans/${ids.plan}?quarter=2020/21%20Q4`, { id: ids.plan })
  wrapper = mounted.wrapper
  await settle(() => mounted.wrapper.find('article h1').exists())
}
const text = () => wrapper!.text().replace(/\s+/g, ' ')

describe('a locked quarter on the report screen', () => {
  it('shows the report as locked, by whom and when, and says when the figures have changed since', async () => {
    await lockAsItStands()
    await openReport()
    expect(text()).toContain('Locked by Alex Test on 6 April 2021. This is the report as it was locked.')
    expect(text()).not.toContain('Figures have changed')
    expect(text()).toContain('Recruiting practice leads.')

    // A later update on the device: the notice, and the report still as locked.
    await localDb.updatesByAction.put({
      actionId: k1.id,
      entries: [update(1, 'amber', 'Recruiting practice leads.'), update(2, 'red', 'Recruitment has stalled.')],
    })
    await settle(() => text().includes('Figures have changed since this quarter was locked'))
    expect(text()).toContain('Recruiting practice leads.')
    expect(text()).not.toContain('Recruitment has stalled.')
  })

  it('refuses a locked report it cannot read, with the reason, rather than half showing it', async () => {
    await lockAsItStands({ format: 2, sections: [] })
    await openReport()
    expect(wrapper!.get('[role="alert"]').text()).toContain('made by another version of the app')
  })

  it('offers plan admins to lock the quarter, after a confirmation; nobody else', async () => {
    await openReport()
    expect(wrapper!.findAll('button').map((b) => b.text())).not.toContain('Lock this quarter')
    wrapper!.unmount()

    await localDb.people.put({ ...fixture.person, role: 'admin' })
    const session = (await localDb.meta.get('session'))!.value as SessionInfo
    await writeMeta(localDb, 'session', { ...session, person: { ...fixture.person, role: 'admin' } })
    await openReport()
    const lockButton = wrapper!.findAll('button').find((b) => b.text() === 'Lock this quarter')!
    await lockButton.trigger('click')
    expect(text()).toContain(`Lock ${quarter}? The server keeps the report as its records stand now`)
    expect(wrapper!.findAll('button').map((b) => b.text())).toEqual(
      expect.arrayContaining([`Yes, lock ${quarter}`, 'Cancel']),
    )
  })
})

describe('whether the figures changed', () => {
  it('ignores the day a report is as at, and counts any figure', async () => {
    await deviceWithPlan()
    const records = (await monitoringRecordsOf(ids.plan))!
    const names = { people: {} }
    const atEnd = buildQuarterlyReport(records, quarter, '2021-03-31', names)
    expect(figuresChanged(atEnd, { ...atEnd, asAt: '2021-03-30' })).toBe(false)
    const moved = buildQuarterlyReport(
      { ...records, progressUpdates: [update(3, 'red', 'Stalled.')] },
      quarter,
      '2021-03-31',
      names,
    )
    expect(figuresChanged(atEnd, moved)).toBe(true)
  })
})
