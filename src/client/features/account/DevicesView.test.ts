import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { readMeta } from '../../db/meta'
import { clearLocalData } from '../../db/reset'
import { api } from '../../sync/api'
import { useSessionStore } from '../session/store'
import { demoPassword } from '../../../server/demo/people'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import { serverForViews, signInElsewhere, userAgents, type ViewServer } from '../../../../tests/support/view-server'
import DevicesView from './DevicesView.vue'

const { iPhone, tablet } = userAgents

// The view against the real server over HTTP: this test is "this device", other devices sign in from Node.
describe('Your devices', { timeout: 30_000 }, () => {
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
  })

  const signInHere = (email: string) =>
    api('/auth/sign-in', { method: 'POST', body: { email, password: demoPassword } })
  const open = async () => {
    ;({ wrapper } = await mountView(DevicesView))
    return wrapper
  }
  const cards = (w: VueWrapper) => w.findAll('li.card').map((card) => card.get('h2').text())
  const button = (w: VueWrapper, name: RegExp) => {
    const found = w.findAll('button').find((b) => name.test(b.text()))
    if (!found) throw new Error(`no button ${name}`)
    return found
  }

  it('lists the devices signed in as you, marks this one, and signs another out', async () => {
    await signInHere('manager@demo.local')
    const phone = await signInElsewhere(app, 'manager@demo.local', iPhone)
    const w = await open()
    await settle(() => cards(w).length === 2, 10_000)
    expect(w.get('h1').text()).toBe('Your devices')
    expect(cards(w)).toContain('Safari on iPhone')
    expect(cards(w).filter((name) => name.endsWith('This device'))).toHaveLength(1)
    expect(w.text()).toMatch(/Last used today at \d{2}:\d{2}/)

    await button(w, /^Sign out of this device: Safari on iPhone, last used today/).trigger('click')
    await settle(() => w.get('[role="status"]').text() === 'Signed out of Safari on iPhone.', 10_000)
    expect(cards(w)).toHaveLength(1)
    expect(w.text()).toContain('You are not signed in on any other device.')
    expect(document.activeElement).toBe(w.get('[role="status"]').element)
    expect((await phone.call('GET', '/api/sync/pull')).body.error?.code).toBe('session_ended')
  })

  it('signs out of all other devices at once', async () => {
    await signInHere('viewer@demo.local')
    const others = [
      await signInElsewhere(app, 'viewer@demo.local', iPhone),
      await signInElsewhere(app, 'viewer@demo.local', tablet),
    ]
    const w = await open()
    await settle(() => cards(w).length === 3, 10_000)
    await button(w, /^Sign out of all other devices$/).trigger('click')
    await settle(() => w.get('[role="status"]').text() === 'Signed out of 2 other devices.', 10_000)
    expect(cards(w)).toHaveLength(1)
    for (const other of others)
      expect((await other.call('GET', '/api/sync/pull')).body.error?.code).toBe('session_ended')
    expect((await api<{ person: { name: string } }>('/auth/session')).person.name).toBe('Pat Reid (demo)')
  })

  it(
    'says a connection is needed when the server cannot be reached, and tries again',
    { timeout: 180_000 },
    async () => {
      await signInHere('practitioner@demo.local')
      await app.goOffline()
      let w: VueWrapper
      try {
        w = await open()
        await settle(() => w.find('[role="alert"]').exists(), 10_000)
        expect(w.get('[role="alert"] h2').text()).toBe('There is a problem')
        expect(w.get('[role="alert"] p').text()).toBe(
          'You need a connection to see the devices you are signed in on. Try again when you have signal or Wi-Fi.',
        )
        expect(w.findAll('li.card')).toHaveLength(0)
      } finally {
        await app.goOnline()
      }
      await button(w, /^Try again$/).trigger('click')
      await settle(() => cards(w).length > 0, 10_000)
      expect(w.find('[role="alert"]').exists()).toBe(false)
    },
  )

  it("removes the organisation's data from this device at once when its own session turns out to have been ended", async () => {
    await deviceWithPlan()
    await signInHere('admin@demo.local')
    const phone = await signInElsewhere(app, 'admin@demo.local', iPhone)
    const w = await open()
    await settle(() => cards(w).length === 2, 10_000)
    expect(await localDb.actions.count()).toBeGreaterThan(0)

    expect((await phone.call('POST', '/api/auth/sessions/end-others')).body).toEqual({ ended: 1 })
    await button(w, /^Sign out of this device: Safari on iPhone/).trigger('click')
    await settle(() => useSessionStore().endedByServer, 10_000)
    expect(await localDb.actions.count()).toBe(0)
    expect(await localDb.outbox.count()).toBe(0)
    expect(await readMeta(localDb, 'session')).toBeUndefined()
    expect(useSessionStore().signedIn).toBe(false)
  })
})
