import type { Page } from 'playwright-core'
import { AppShell } from './app-shell'
import { ChoosePinPage } from './sign-in-page'
import { shows } from './waits'

export interface Newcomer {
  name: string
  jobTitle: string
  email: string
  team: string
}

/** A plan admin's People screens: adding a person, and their own page. */
export class PeopleAdmin {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }

  async openPeople(): Promise<void> {
    await (await this.shell.navLink('People')).click()
    await shows(this.shell.heading('People'))
  }

  /** Adds a person from People, and answers the one-time code shown for them. */
  async add(person: Newcomer): Promise<string> {
    await this.openPeople()
    await this.shell.main.getByRole('link', { name: 'Add a person' }).click()
    await shows(this.shell.heading('Add a person'))
    await this.page.getByLabel('Full name').fill(person.name)
    await this.page.getByLabel('Job title').fill(person.jobTitle)
    await this.page.getByLabel('Work email address').fill(person.email)
    await this.page.getByRole('group', { name: 'Teams they work in' }).getByLabel(person.team).check()
    await this.page.getByRole('button', { name: 'Add person' }).click()
    await shows(this.shell.heading(`${person.name} has been added`))
    return (await this.page.getByTestId('one-time-code').textContent())!.trim()
  }

  async openPerson(name: string): Promise<void> {
    await this.openPeople()
    await this.shell.main.getByRole('link', { name, exact: true }).click()
    await shows(this.shell.heading(name))
  }

  async deactivate(name: string): Promise<void> {
    await this.openPerson(name)
    await this.page.getByRole('button', { name: `Deactivate ${name}` }).click()
    await this.page.getByRole('button', { name: `Yes, deactivate ${name}` }).click()
    await shows(this.page.getByRole('status').getByText(`${name} is deactivated.`))
  }
}

/** The page a one-time code's link opens: the person sets their password and is signed in on this device. */
export async function setPasswordWithLink(page: Page, code: string, email: string, password: string): Promise<void> {
  await page.goto(`/set-password?code=${encodeURIComponent(code)}`)
  await shows(page.getByRole('heading', { level: 1, name: 'Set your password' }))
  await page.getByLabel('Work email address').fill(email)
  await page.getByLabel('New password').fill(password)
  await page.getByRole('button', { name: 'Set password and sign in' }).click()
  const choosePin = new ChoosePinPage(page)
  await shows(choosePin.heading, 30_000)
  await choosePin.choose()
}
