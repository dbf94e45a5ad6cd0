import type { Page } from 'playwright-core'
import { demoPassword } from '../../../src/server/demo/people'
import { shows } from './waits'

export const practitioner = 'practitioner@demo.local'
export const manager = 'manager@demo.local'
export { demoPassword }
/** The PIN every test device is given after signing in. */
export const devicePin = '583016'

/** "Choose a PIN for this device", which follows every sign-in. */
export class ChoosePinPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Choose a PIN for this device' })
  }
  get pin() {
    return this.page.getByLabel('New PIN', { exact: true })
  }
  get pinAgain() {
    return this.page.getByLabel('Enter the new PIN again', { exact: true })
  }
  get save() {
    return this.page.getByRole('button', { name: 'Save PIN' })
  }

  async choose(pin = devicePin): Promise<void> {
    await this.pin.fill(pin)
    await this.pinAgain.fill(pin)
    await this.save.click()
  }
}

/** The sign-in screen, as a person sees it. */
export class SignInPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Sign in' })
  }
  get email() {
    return this.page.getByLabel('Email address')
  }
  get password() {
    return this.page.getByLabel('Password')
  }
  get submit() {
    return this.page.getByRole('button', { name: 'Sign in', exact: true })
  }
  get problem() {
    return this.page.getByRole('alert')
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in')
    await shows(this.heading)
  }

  /** Fills the form and submits it, then waits for the outcome: a problem shown, or the PIN for this device, which it chooses. */
  async submitAs(email: string, password = demoPassword): Promise<void> {
    await this.email.fill(email)
    await this.password.fill(password)
    await this.submit.click()
    const choosePin = new ChoosePinPage(this.page)
    // The PIN comes once the first sync has brought the plan down, which can take a while.
    await shows(choosePin.heading.or(this.problem), 30_000)
    if (await choosePin.heading.isVisible()) await choosePin.choose()
  }
}

/** Signs in from the sign-in page and waits for My team, which shows once the first sync is done. */
export async function signIn(page: Page, email = practitioner): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.submitAs(email)
  await shows(
    page.getByRole('main').getByRole('heading', { level: 1, name: 'Kingston Children with Disabilities Team' }),
  )
}
