import type { Page } from 'playwright-core'
import { demoPassword } from '../../../src/server/demo/people'
import { shows } from './waits'

export const practitioner = 'practitioner@demo.local'
export const manager = 'manager@demo.local'
export { demoPassword }

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

  /** Fills the form and submits it; does not wait for the outcome. */
  async submitAs(email: string, password = demoPassword): Promise<void> {
    await this.email.fill(email)
    await this.password.fill(password)
    await this.submit.click()
  }
}

/** Signs in from the sign-in page and waits for My team, which shows once the first sync is done. */
export async function signIn(page: Page, email = practitioner): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.submitAs(email)
  await shows(page.getByRole('main').getByRole('heading', { level: 1, name: 'Kingston Children with Disabilities Team' }))
}
