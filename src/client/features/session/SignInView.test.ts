import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { localDb } from '../../db/database'
import { clearLocalData } from '../../db/reset'
import { mountView, settle } from '../../../../tests/support/mount-view'
import SignInView from './SignInView.vue'

describe('Sign in', () => {
  beforeEach(async () => {
    await clearLocalData(localDb)
    // The screen asks the server which sign-in methods to show; unless a test says otherwise, there is no server.
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
  })
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
    // Only the question of which sign-in methods to show went out; no sign-in.
    expect(fetch.mock.calls.map(([url]) => String(url))).not.toContain('/api/auth/sign-in')
    wrapper.unmount()
  })

  it('lists every problem at the top, linked to its field, and beside each field, GOV.UK style', async () => {
    const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'))
    vi.stubGlobal('fetch', fetch)
    document.title = 'Sign in · Golden Thread'
    const { wrapper } = await mountView(SignInView, '/sign-in')
    const button = wrapper.get('button[type="submit"]')
    expect(button.attributes('disabled')).toBeUndefined()
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('[role="alert"]').exists())
    const summary = wrapper.get('[role="alert"]')
    expect(summary.get('h2').text()).toBe('There is a problem')
    expect(document.activeElement).toBe(summary.element)
    expect(document.title).toBe('Error: Sign in · Golden Thread')
    expect(summary.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Enter your email address', '#email'],
      ['Enter your password', '#password'],
    ])
    for (const [field, message] of [
      ['email', 'Enter your email address'],
      ['password', 'Enter your password'],
    ]) {
      expect(wrapper.get(`#${field}-error`).text()).toBe(`Error: ${message}`)
      expect(wrapper.get(`#${field}`).attributes()).toMatchObject({
        'aria-invalid': 'true',
        'aria-describedby': `${field}-error`,
      })
    }
    await summary.findAll('a')[1]!.trigger('click')
    expect(document.activeElement).toBe(wrapper.get('#password').element)
    expect(fetch.mock.calls.map(([url]) => String(url))).not.toContain('/api/auth/sign-in')

    // Fixed, the form's problems go; what the server says (here, that there is none) takes their place.
    await wrapper.get('#email').setValue('practitioner@demo.local')
    await wrapper.get('#password').setValue('anything')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.get('[role="alert"]').text().includes('You need a connection to sign in'))
    expect(wrapper.findAll('[role="alert"] a')).toHaveLength(0)
    expect(wrapper.find('#email-error').exists()).toBe(false)
    expect(wrapper.get('#email').attributes('aria-invalid')).toBeUndefined()
    wrapper.unmount()
    expect(document.title).toBe('Sign in · Golden Thread')
  })

  it('shows the server refusing the password in the summary', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          String(url).endsWith('/api/auth/sign-in')
            ? new Response(
                JSON.stringify({
                  error: { code: 'wrong_password', message: 'That email and password do not match an account.' },
                }),
                {
                  status: 401,
                  headers: { 'content-type': 'application/json' },
                },
              )
            : new Response(JSON.stringify({ password: true }), {
                headers: { 'content-type': 'application/json' },
              }),
        ),
      ),
    )
    const { wrapper } = await mountView(SignInView, '/sign-in')
    await wrapper.get('#email').setValue('practitioner@demo.local')
    await wrapper.get('#password').setValue('wrong')
    await wrapper.get('form').trigger('submit')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"] h2').text()).toBe('There is a problem')
    expect(wrapper.get('[role="alert"] p').text()).toBe('That email and password do not match an account.')
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

  it('says why, and that the data has gone, when the session was ended from elsewhere; a lapsed one keeps it', async () => {
    const ended = (await mountView(SignInView, '/sign-in?ended=1')).wrapper
    expect(ended.get('.lede').text()).toBe(
      "You were signed out of this device from another device or by a plan admin, so your organisation's data has been removed from it. Sign in to use it again.",
    )
    ended.unmount()
    const lapsed = (await mountView(SignInView, '/sign-in?again=1')).wrapper
    expect(lapsed.get('.lede').text()).toBe(
      'Your session has ended. Sign in again to keep syncing; nothing on this device is lost.',
    )
    lapsed.unmount()
  })

  it('offers the identity provider the server named last time, with no connection, and says so when it is tapped', async () => {
    localStorage.setItem(
      'gt:sign-in-methods',
      JSON.stringify({
        password: false,
        provider: { label: 'Sign in with Microsoft', startPath: '/api/auth/oidc/start' },
      }),
    )
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const { wrapper } = await mountView(SignInView, '/sign-in?next=/plan')
    const button = wrapper.get('a#provider-sign-in')
    expect(button.text()).toBe('Sign in with Microsoft')
    expect(button.attributes('href')).toBe('/api/auth/oidc/start?next=%2Fplan')
    expect(wrapper.find('form').exists()).toBe(false)
    await button.trigger('click')
    await settle(() => wrapper.find('[role="alert"]').exists())
    expect(wrapper.get('[role="alert"]').text()).toContain('You need a connection to sign in')
    localStorage.removeItem('gt:sign-in-methods')
    wrapper.unmount()
  })
})
