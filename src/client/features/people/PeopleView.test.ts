import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import type { SessionInfo } from '../../../shared/api'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { clearLocalData } from '../../db/reset'
import { api } from '../../sync/api'
import { demoPassword } from '../../../server/demo/people'
import { mountView, settle } from '../../../../tests/support/mount-view'
import { serverForViews, signInElsewhere, userAgents, type ViewServer } from '../../../../tests/support/view-server'
import PeopleView from './PeopleView.vue'

const { iPhone, tablet } = userAgents

// The view against the real server over HTTP; the people whose sessions end sign in from Node.
describe('People', { timeout: 30_000 }, () => {
  let app: ViewServer
  let wrapper: VueWrapper | undefined
  beforeAll(async () => {
    app = await serverForViews()
  }, 180_000)
  afterAll(() => app?.stop(), 60_000)
  beforeEach(() => clearLocalData(localDb))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.restoreAllMocks()
  })

  /** Signs this device in as `email`, as the sign-in screen would leave it. */
  async function signInHere(email: string) {
    const info = await api<SessionInfo>('/auth/sign-in', { method: 'POST', body: { email, password: demoPassword } })
    await writeMeta(localDb, 'session', info)
  }
  const open = async () => {
    ;({ wrapper } = await mountView(PeopleView))
    return wrapper
  }
  const row = (w: VueWrapper, name: string): DOMWrapper<Element> => {
    const found = w.findAll('tbody tr').find((tr) => tr.get('th').text() === name)
    if (!found) throw new Error(`no row for ${name}`)
    return found
  }
  const cells = (tr: DOMWrapper<Element>) => [tr.get('th'), ...tr.findAll('td')].map((cell) => cell.text())

  it("lists the organisation's people with how many devices each is signed in on, and ends a person's sessions once confirmed", async () => {
    await signInHere('admin@demo.local')
    const devices = [
      await signInElsewhere(app, 'practitioner@demo.local', iPhone),
      await signInElsewhere(app, 'practitioner@demo.local', tablet),
    ]
    const w = await open()
    await settle(() => w.findAll('tbody tr').length > 100, 10_000)
    expect(w.findAll('thead th').map((th) => th.text())).toEqual([
      'Name',
      'Job title',
      'Role',
      'Signed in on',
      'Actions',
    ])
    expect(cells(row(w, 'Alex Morgan (demo)')).slice(0, 4)).toEqual([
      'Alex Morgan (demo)',
      'Social Worker',
      'Practitioner',
      '2 devices',
    ])
    expect(cells(row(w, 'Sam Okafor (demo)')).slice(2, 4)).toEqual(['Plan admin', '1 device'])
    // Someone signed in nowhere has nothing to end.
    expect(row(w, 'Chris Evans (demo)').find('button').exists()).toBe(false)

    const end = row(w, 'Alex Morgan (demo)').get('button')
    expect(end.text()).toBe('End sessions of Alex Morgan (demo)')
    await end.trigger('click')
    expect(row(w, 'Alex Morgan (demo)').text()).toContain('End all 2 sessions of Alex Morgan (demo)?')
    expect(document.activeElement?.textContent?.trim()).toBe('Yes, end sessions of Alex Morgan (demo)')
    await row(w, 'Alex Morgan (demo)').findAll('button')[1]!.trigger('click')
    expect(document.activeElement?.textContent?.trim()).toBe('End sessions of Alex Morgan (demo)')
    for (const device of devices) expect((await device.call('GET', '/api/sync/pull')).status).toBe(200)

    await row(w, 'Alex Morgan (demo)').get('button').trigger('click')
    await row(w, 'Alex Morgan (demo)').get('button').trigger('click')
    await settle(() => w.get('[role="status"]').text() === 'Ended 2 sessions of Alex Morgan (demo).', 10_000)
    expect(cells(row(w, 'Alex Morgan (demo)'))[3]).toBe('0 devices')
    for (const device of devices)
      expect((await device.call('GET', '/api/sync/pull')).body.error?.code).toBe('session_ended')
  })

  it('tells anyone but a plan admin that the page is not for them, without asking the server', async () => {
    await signInHere('manager@demo.local')
    const fetch = vi.spyOn(globalThis, 'fetch')
    const w = await open()
    expect(w.text()).toContain("Only plan admins can see your organisation's people and end their sessions.")
    expect(w.find('table').exists()).toBe(false)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('says a connection is needed when the server cannot be reached', { timeout: 180_000 }, async () => {
    await signInHere('admin@demo.local')
    await app.goOffline()
    try {
      const w = await open()
      await settle(() => w.find('[role="alert"]').exists(), 10_000)
      expect(w.get('[role="alert"] p').text()).toBe(
        "You need a connection to see your organisation's people. Try again when you have signal or Wi-Fi.",
      )
    } finally {
      await app.goOnline()
    }
  })
})
