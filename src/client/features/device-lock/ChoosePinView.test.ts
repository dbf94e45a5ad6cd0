import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { localDb } from '../../db/database'
import { readDeviceLock } from '../../db/device-lock'
import { readMeta } from '../../db/meta'
import { deviceWithPlan, mountView, settle } from '../../../../tests/support/mount-view'
import ChoosePinView from './ChoosePinView.vue'
import { pinMatches } from './pin-verifier'

let wrapper: VueWrapper

async function submit(pin: string, again: string) {
  await wrapper.get('#new-pin').setValue(pin)
  await wrapper.get('#new-pin-again').setValue(again)
  await wrapper.get('form').trigger('submit')
}

const summaryLinks = () =>
  wrapper.findAll('[role="alert"] a').map((link) => ({ text: link.text(), href: link.attributes('href') }))

describe('choosing a PIN after signing in', () => {
  beforeEach(async () => {
    await deviceWithPlan()
    ;({ wrapper } = await mountView(ChoosePinView, '/my-team'))
  })
  afterEach(() => wrapper.unmount())

  it('names both fields, and says what the PIN is for', () => {
    expect(wrapper.get('h1').text()).toBe('Choose a PIN for this device')
    expect(wrapper.get('label[for="new-pin"]').text()).toBe('New PIN')
    expect(wrapper.get('label[for="new-pin-again"]').text()).toBe('Enter the new PIN again')
    expect(wrapper.get('#new-pin').attributes()).toMatchObject({
      type: 'password',
      inputmode: 'numeric',
      'aria-describedby': 'new-pin-hint',
    })
    expect(wrapper.text()).toContain('Golden Thread locks after 15 minutes without use')
  })

  it('lists every problem at the top, linked to its field, and beside the field', async () => {
    await submit('', '')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(summaryLinks()).toEqual([
      { text: 'Enter a PIN', href: '#new-pin' },
      { text: 'Enter the PIN again', href: '#new-pin-again' },
    ])
    expect(wrapper.get('#new-pin-error').text()).toBe('Error: Enter a PIN')
    expect(wrapper.get('#new-pin').attributes()).toMatchObject({
      'aria-invalid': 'true',
      'aria-describedby': 'new-pin-hint new-pin-error',
    })
    expect(document.activeElement).toBe(wrapper.get('[role="alert"]').element)
    // The button is never greyed out: pressing it is how the person learns what is wrong.
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeUndefined()

    await wrapper.get('[role="alert"] a').trigger('click')
    expect(document.activeElement).toBe(wrapper.get('#new-pin').element)
    expect(await readDeviceLock(localDb)).toBeUndefined()
  })

  it('refuses a PIN that is easy to guess, in plain words', async () => {
    await submit('123456', '123456')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(summaryLinks()).toEqual([
      { text: 'Choose a PIN that is harder to guess, not one like 111111, 123456 or 121212', href: '#new-pin' },
    ])
    expect(await readDeviceLock(localDb)).toBeUndefined()
  })

  it('refuses two PINs that differ', async () => {
    await submit('583016', '583061')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(summaryLinks()).toEqual([
      { text: 'The PINs do not match. Enter the same PIN in both boxes', href: '#new-pin-again' },
    ])
    expect(wrapper.get('#new-pin-again-error').text()).toBe(
      'Error: The PINs do not match. Enter the same PIN in both boxes',
    )
    expect(await readDeviceLock(localDb)).toBeUndefined()
  })

  it('keeps a verifier of the PIN on the device, unlocked, and never the PIN itself', async () => {
    const before = Date.now()
    await submit('583016', '583016')
    await expect.poll(() => readDeviceLock(localDb)).toMatchObject({ locked: false, wrongPins: 0 })
    const stored = await localDb.meta.toArray()
    expect(JSON.stringify(stored)).not.toContain('583016')
    const lock = await readDeviceLock(localDb)
    expect(await pinMatches('583016', lock!.verifier)).toBe(true)
    expect(await readMeta(localDb, 'lastUsedAt')).toBeGreaterThanOrEqual(before)
  })
})
