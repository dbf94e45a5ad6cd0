import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { PinVerifier } from '../../db/meta'
import { localDb } from '../../db/database'
import { lockDevice, readDeviceLock, savePin } from '../../db/device-lock'
import { readMeta } from '../../db/meta'
import { queueChange } from '../../sync/outbox'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import * as records from '../../../../tests/support/plan-records'
import DeviceLockGate from './DeviceLockGate.vue'
import { makePinVerifier } from './pin-verifier'
import { useDeviceLock } from './use-device-lock'

/** The app's root as far as the lock goes: the lock's screens, or else a page showing the plan. */
const App = defineComponent({
  setup() {
    const covers = useDeviceLock()
    return () => (covers.value ? h(DeviceLockGate) : h('main', [h('h1', { tabindex: -1 }, records.teams[0]!.name)]))
  },
})

const pin = '583016'
const minutes = (n: number) => n * 60_000
let verifier: PinVerifier
let wrapper: VueWrapper

beforeAll(async () => {
  verifier = await makePinVerifier(pin)
})

/** A device signed in with a plan and a PIN, last used `idleFor` ago. */
async function deviceWithPin(options: { idleFor?: number; locked?: boolean } = {}) {
  await deviceWithPlan()
  await savePin(localDb, verifier, Date.now() - (options.idleFor ?? 0))
  if (options.locked) await lockDevice(localDb)
}

async function openApp() {
  ;({ wrapper } = await mountView(App, '/my-team'))
}

const planShown = () => document.body.textContent?.includes(records.teams[0]!.name) ?? false
const heading = () => (wrapper.find('h1').exists() ? wrapper.get('h1').text() : '')
const isLocked = async () => (await readDeviceLock(localDb))?.locked

const button = (name: string) => wrapper.findAll('button').find((found) => found.text() === name)!

async function enterPin(value: string) {
  await wrapper.get('#unlock-pin').setValue(value)
  await wrapper.get('form').trigger('submit')
}

describe('the device lock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true })
  })
  afterEach(() => {
    wrapper?.unmount()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('asks for a PIN after signing in, before anything of the plan shows', async () => {
    await deviceWithPlan()
    await openApp()
    await settle(() => heading() === 'Choose a PIN for this device')
    expect(planShown()).toBe(false)

    await wrapper.get('#new-pin').setValue(pin)
    await wrapper.get('#new-pin-again').setValue(pin)
    await wrapper.get('form').trigger('submit')
    await settle(planShown)
  })

  it('locks after 15 minutes without use; using the app puts it off', async () => {
    await deviceWithPin()
    await openApp()
    await settle(planShown)

    await vi.advanceTimersByTimeAsync(minutes(10))
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }))
    await vi.advanceTimersByTimeAsync(minutes(10))
    expect(planShown()).toBe(true)
    expect(await isLocked()).toBe(false)

    await vi.advanceTimersByTimeAsync(minutes(6))
    await settle(() => heading() === 'Golden Thread is locked')
    expect(planShown()).toBe(false)
    expect(await isLocked()).toBe(true)
    expect(document.activeElement).toBe(wrapper.get('h1').element)
  })

  it('locks when it comes back into view after being out of view that long', async () => {
    await deviceWithPin()
    await openApp()
    await settle(planShown)
    const visibility = vi.spyOn(document, 'visibilityState', 'get')

    visibility.mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    // Out of view, a tab's timers may not run at all: only the clock moves on.
    vi.setSystemTime(Date.now() + minutes(20))
    visibility.mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await settle(() => heading() === 'Golden Thread is locked')
    expect(planShown()).toBe(false)
  })

  it('opens locked when reopened after that long, and open when reopened sooner', async () => {
    await deviceWithPin({ idleFor: minutes(14) })
    await openApp()
    await settle(planShown)
    wrapper.unmount()

    await deviceWithPin({ idleFor: minutes(16) })
    await openApp()
    await settle(() => heading() === 'Golden Thread is locked')
    expect(planShown()).toBe(false)
  })

  it('stays locked when reopened, however soon', async () => {
    await deviceWithPin({ locked: true })
    await openApp()
    await settle(() => heading() === 'Golden Thread is locked')
    expect(planShown()).toBe(false)
  })

  it('unlocks with the PIN, with no connection; a wrong one is refused with an error at the top and by the field', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await deviceWithPin({ locked: true })
    await openApp()
    await settle(() => heading() === 'Golden Thread is locked')

    await enterPin('')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"] a').text()).toBe('Enter your PIN')
    expect((await readDeviceLock(localDb))?.wrongPins).toBe(0)

    await enterPin('583061')
    await settle(
      () => wrapper.find('#unlock-pin-error').exists() && wrapper.get('#unlock-pin-error').text().includes('not right'),
    )
    expect(wrapper.get('[role="alert"] a').text()).toBe('The PIN is not right. You have 4 more tries.')
    expect(wrapper.get('[role="alert"] a').attributes('href')).toBe('#unlock-pin')
    expect(wrapper.get('#unlock-pin').attributes('aria-invalid')).toBe('true')
    expect((wrapper.get('#unlock-pin').element as HTMLInputElement).value).toBe('')
    expect(planShown()).toBe(false)

    await enterPin(pin)
    await settle(planShown)
    expect(await readDeviceLock(localDb)).toMatchObject({ locked: false, wrongPins: 0 })
  })

  it('after five wrong PINs signs the device out and removes its data, unsent changes too, having warned', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await deviceWithPin({ locked: true })
    await queueChange(localDb, records.person.id, {
      kind: 'status.set',
      data: { entity: 'action', entityId: records.actions[0]!.id, status: 'at-risk' },
    })
    await openApp()
    await settle(() => heading() === 'Golden Thread is locked')

    for (const [attempt, wrong] of ['000000', '111111', '222222', '333333'].entries()) {
      await enterPin(wrong)
      await expect.poll(async () => (await readDeviceLock(localDb))?.wrongPins).toBe(attempt + 1)
    }
    await settle(() => wrapper.get('#unlock-pin-error').text().includes('1 more try'))
    expect(wrapper.get('#unlock-pin-error').text()).toBe(
      'Error: The PIN is not right. You have 1 more try. If that is wrong too, this device signs out and removes your data from it, including 1 change not sent yet.',
    )
    expect(await localDb.actions.count()).toBeGreaterThan(0)

    await enterPin('444444')
    await settle(() => heading() === 'Golden Thread has signed out of this device')
    expect(wrapper.text()).toContain('A wrong PIN was entered 5 times, so your data has been removed from this device.')
    expect(wrapper.get('a').attributes('href')).toBe('/sign-in')
    expect(await localDb.actions.count()).toBe(0)
    expect(await localDb.outbox.count()).toBe(0)
    expect(await readMeta(localDb, 'session')).toBeUndefined()
    expect(await readDeviceLock(localDb)).toBeUndefined()
  })

  it('a forgotten PIN means signing in again, which needs a connection', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await deviceWithPin({ locked: true })
    await openApp()
    await settle(() => heading() === 'Golden Thread is locked')

    await button('Sign in again').trigger('click')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"] a').text()).toBe(
      'You need a connection to sign in again. Try again when you have signal or Wi-Fi.',
    )
    expect(wrapper.get('[role="alert"] a').attributes('href')).toBe('#sign-in-again')
    expect(await readDeviceLock(localDb)).toMatchObject({ locked: true })
    expect((await readDeviceLock(localDb))?.pinForgotten).toBeUndefined()
    expect(planShown()).toBe(false)
  })
})
