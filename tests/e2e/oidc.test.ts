import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchChromium, newDeviceContext } from '../support/chromium'
import { freePort } from '../support/postgres'
import { startIdentityProvider, type RunningIdentityProvider } from '../support/identity-provider'
import { signInSettingsFromEnv } from '../../src/server/auth/oidc-settings'
import { AppShell, teamName } from './page-models/app-shell'
import { SignInPage } from './page-models/sign-in-page'
import { expectNoViolations } from './page-models/axe'
import { reachesPath, shows } from './page-models/waits'

const buttonLabel = 'Sign in with Test ID'

let app: RunningApp
let provider: RunningIdentityProvider
let browser: Browser

// Passwords are switched off, as an organisation that signs everyone in through Entra would have it.
beforeAll(async () => {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  ;[provider, browser] = await Promise.all([
    startIdentityProvider({
      redirectUris: [`${origin}/api/auth/oidc/callback`],
      directory: {
        'jordan.blake': { email: 'manager@demo.local', email_verified: true },
        stranger: { email: 'stranger@elsewhere.example', email_verified: true },
      },
    }),
    launchChromium(),
  ])
  const signIn = signInSettingsFromEnv({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PUBLIC_URL: origin,
    OIDC_BUTTON_LABEL: buttonLabel,
    PASSWORD_SIGN_IN: 'false',
  })
  app = await startApp({ port, signIn })
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
  await provider?.stop()
})

async function withDevice(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await newDeviceContext(browser, 'tablet portrait', app.origin)
  try {
    await run(await context.newPage())
  } finally {
    await context.close()
  }
}

/** The provider's own login form (oidc-provider's development form: any name, any password). */
async function logInAtProvider(page: Page, name: string): Promise<void> {
  await page.waitForURL((url) => url.origin === provider.issuer)
  await page.getByPlaceholder('Enter any login').fill(name)
  await page.getByPlaceholder('and password').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
}

/** Any sign-in makes the person choose a PIN for the device lock before the app opens. */
async function chooseDevicePin(page: Page): Promise<void> {
  await shows(page.getByRole('heading', { level: 1, name: 'Choose a PIN for this device' }))
  await page.getByLabel('New PIN', { exact: true }).fill('482916')
  await page.getByLabel('Enter the new PIN again').fill('482916')
  await page.getByRole('button', { name: 'Save PIN' }).click()
}

describe('signing in with the organisation’s identity provider', () => {
  it('offers only the provider when passwords are off, and its button leads through the provider’s form to My team', async () => {
    await withDevice(async (page) => {
      const signInPage = new SignInPage(page)
      await page.goto('/sign-in?next=/plan')
      await shows(signInPage.heading)
      const button = page.getByRole('link', { name: buttonLabel })
      await shows(button)
      expect(await signInPage.email.count()).toBe(0)
      expect(await signInPage.password.count()).toBe(0)
      await expectNoViolations(page, 'the sign-in screen with a provider')

      await button.click()
      await logInAtProvider(page, 'jordan.blake')
      await reachesPath(page, /^\/plans\/[\w-]+$/)
      await chooseDevicePin(page)
      const shell = new AppShell(page)
      await shell.goTo('My team')
      await shows(shell.heading(teamName))
      await shows(page.getByText('Jordan Blake (demo), Team Manager · Kingston'))
    })
  })

  it('an email with no account lands on a plain page that says whom to ask, with a way back', async () => {
    await withDevice(async (page) => {
      await page.goto('/sign-in')
      await page.getByRole('link', { name: buttonLabel }).click()
      await logInAtProvider(page, 'stranger')
      await shows(page.getByRole('heading', { level: 1, name: 'No account in Golden Thread' }))
      await shows(
        page.getByText(
          'There is no account for stranger@elsewhere.example in Golden Thread. Ask your plan admin to add you.',
        ),
      )
      await expectNoViolations(page, 'the no-account page')
      await page.getByRole('link', { name: 'Back to sign in' }).click()
      await shows(new SignInPage(page).heading)
    })
  })

  it('with no connection the remembered button still shows, and says a connection is needed instead of leaving the app', async () => {
    await withDevice(async (page) => {
      const shell = new AppShell(page)
      await page.goto('/sign-in')
      await shows(page.getByRole('link', { name: buttonLabel }))
      await page.reload()
      await shell.waitForServiceWorkerControl()
      await app.goOffline()
      try {
        await page.reload()
        const button = page.getByRole('link', { name: buttonLabel })
        await shows(button)
        await button.click()
        await shows(page.getByRole('alert').getByText(/^You need a connection to sign in\./))
        await reachesPath(page, '/sign-in')
      } finally {
        await app.goOnline()
      }
    })
  })
})
