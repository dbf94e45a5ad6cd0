import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { localDb } from '../../db/database'
import { clearLocalData } from '../../db/reset'
import { mountView, settle } from '../../../../tests/support/mount-view'
import SignInView from './SignInView.vue'

describe('Sign in', () => {
  beforeEach(() => clearLocalData(localDb))
  afterEach(() => vi.unstubAllGlobals())

  it('checks the form on the device and says what is missing, without calling the server', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const { wrapper } = await mountView(SignInView, '/sign-in')
    await wrapper.get('input[type="email"]').setValue('not an email')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toContain('Enter your email address, like name@example.org')
    expect(wrapper.get('[role="alert"]').text()).toContain('Enter your password')
    expect(fetch).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('labels both fields', async () => {
    const { wrapper } = await mountView(SignInView, '/sign-in')
    expect(wrapper.get('label[for="email"]').text()).toBe('Email address')
    expect(wrapper.get('label[for="password"]').text()).toBe('Password')
    expect(wrapper.get('#password').attributes('autocomplete')).toBe('current-password')
    wrapper.unmount()
  })

  it('explains that a first sign-in needs a connection', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const { wrapper } = await mountView(SignInView, '/sign-in')
    await wrapper.get('#email').setValue('practitioner@demo.local')
    await wrapper.get('#password').setValue('anything')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toContain('You need a connection to sign in')
    wrapper.unmount()
  })
})
