import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { SignInPage } from './page-models/sign-in-page'
import { shows } from './page-models/waits'
import { expectNoViolations } from './page-models/axe'

let device: TestDevice

beforeAll(async () => {
  device = await openTestDevice('tablet portrait')
})
afterAll(() => device?.close())

/** A small plan new to Achieving for Children, as its plan admin would write it. */
const planDocument = {
  format: 'golden-thread/plan@2',
  plan: {
    key: 'e2e-import-plan',
    title: 'Short breaks plan 2026',
    kind: 'service-plan',
    status: 'approved',
    versionLabel: 'v1',
    source: 'An e2e test',
  },
  themes: [{ key: 'breaks', title: 'Short breaks for every family who needs one' }],
  actions: [
    {
      key: 'offer',
      theme: 'breaks',
      code: 'SB1',
      description: 'Publish the short breaks offer',
      leads: [{ role: 'Head of Short Breaks' }],
    },
  ],
}
const file = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(content)),
})

describe('importing a plan', () => {
  it('a plan admin previews a plan document, sees its problems, imports it, and the plan arrives on the device', async () => {
    const { page, shell } = device
    const signInPage = new SignInPage(page)
    await signInPage.open()
    await signInPage.submitAs('admin@demo.local')
    await shell.nav.getByRole('link', { name: 'Import', exact: true }).click()
    await shows(shell.heading('Import a plan'))
    await expectNoViolations(page, 'Import a plan')

    const chooser = shell.main.getByLabel("The plan's file")
    await chooser.setInputFiles(
      file('bad.json', { ...planDocument, themes: [{ key: 'breaks', title: 'Short breaks', colour: 'blue' }] }),
    )
    await shell.main.getByRole('button', { name: 'Preview the import' }).click()
    const summary = shell.main.getByRole('alert')
    await shows(summary.getByRole('heading', { name: 'There is a problem' }))
    await shows(summary.getByText(/^themes\[0\]: .*colour/))
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    await expectNoViolations(page, 'Import a plan, refused')

    await chooser.setInputFiles(file('short-breaks.json', planDocument))
    await shell.main.getByRole('button', { name: 'Preview the import' }).click()
    await shows(shell.main.getByRole('heading', { level: 2, name: 'What this import will do' }))
    await shows(shell.main.getByRole('heading', { name: 'To be created (3)' }))
    await expectNoViolations(page, 'Import a plan, previewed')

    await shell.main.getByRole('button', { name: 'Import', exact: true }).click()
    await shows(shell.main.getByRole('heading', { level: 2, name: 'Imported Short breaks plan 2026' }))
    await shell.goTo('Search')
    await shell.main.getByRole('searchbox').fill('short breaks offer')
    await shows(shell.main.getByText('Publish the short breaks offer'))
  })
})
