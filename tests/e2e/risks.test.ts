import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { quarterOf } from '../../src/shared/sync/quarter'
import { expectNoViolations } from './page-models/axe'
import { ErrorSummary } from './page-models/error-summary'
import { signInAs, waitingBadge } from './page-models/project-page'
import { RiskPage, RiskRegisterPage } from './page-models/risk-pages'
import { openTestDevice, type TestDevice } from './page-models/test-device'
import { hides, reachesPath, shows } from './page-models/waits'

const planTitle = "Children's Services Business Plan 2017-2018"

// RBWM's plan admin rates a risk of the register at the board, with no signal on the tablet.
let device: TestDevice

beforeAll(async () => {
  device = await openTestDevice('tablet landscape')
})
afterAll(() => device?.close())

describe('the risk register, offline', () => {
  it('an admin rates an RBWM risk offline; the heat map places it at once; it reaches the server once online', async () => {
    const { page, app, shell } = device
    const register = new RiskRegisterPage(page)
    const risk = new RiskPage(page)
    await signInAs(page, 'admin@rbwm.demo.local')
    await shell.waitForServiceWorkerControl()
    await app.goOffline()

    await shell.goTo('Plans')
    await shell.main.getByRole('link', { name: planTitle, exact: true }).first().click()
    await shows(shell.heading(planTitle))
    const part = shell.main.getByRole('region', { name: 'Risk register' })
    await part.locator('summary').click()
    await part.getByRole('link', { name: /^Open the risk register/ }).click()
    await reachesPath(page, /^\/plans\/[\w-]+\/risks$/)
    await shows(shell.heading('Risk register'))
    await shows(register.row('Risk 3'))
    await expectNoViolations(page, 'the risk register')

    await register.row('Risk 3').getByRole('link', { name: 'Risk 3', exact: true }).click()
    await shows(shell.heading('Risk 3'))
    await risk.save()
    const summary = new ErrorSummary(page)
    await shows(summary.box)
    expect(await summary.problems()).toEqual(['Select how likely the risk is', 'Select how great its impact would be'])
    await risk.choose('Likelihood', 'Likely (4)')
    await risk.choose('Impact', 'Major (4)')
    await risk.choose('Residual likelihood', 'Possible (3)')
    await risk.choose('Residual impact', 'Minor (2)')
    await risk.form.getByLabel('Note (optional)').fill('Demand panel meets weekly')
    await risk.save()
    await shows(risk.saved)
    await hides(summary.box)
    await risk.showsCurrent('Likely (4) × Major (4) = 16, very high')
    await risk.showsCurrent('Possible (3) × Minor (2) = 6, medium')
    const quarter = quarterOf(new Date())
    await shows(risk.history.getByRole('row').filter({ hasText: quarter }).filter({ hasText: 'Waiting to send' }))
    await shows(waitingBadge(page, 1))
    await expectNoViolations(page, 'a risk’s page with its rating form')

    await shell.main.getByRole('link', { name: /^← Risk register/ }).click()
    await shows(shell.heading('Risk register'))
    await shows(register.cell('Possible', 2).getByRole('link', { name: 'Risk 3', exact: true }))
    await shows(register.cell('Possible', 2).getByText('6, medium', { exact: true }))
    expect(await register.cell('Likely', 4).getByRole('link', { name: 'Risk 3', exact: true }).count()).toBe(0)
    await shows(register.row('Risk 3').getByRole('cell', { name: 'Medium', exact: true }))

    await app.goOnline()
    await shell.sync.syncNow()
    await hides(waitingBadge(page))
    const [stored] = await app.db.query<{
      likelihood: number
      impact: number
      residual_likelihood: number
      residual_impact: number
      latest: { quarter: string; note: string }
    }>(
      `select r.likelihood, r.impact, r.residual_likelihood, r.residual_impact, r.assessments -> -1 as latest
         from risks r join plans p on p.id = r.plan_id where p.title = $1 and r.title = 'Risk 3'`,
      [planTitle],
    )
    expect(stored).toMatchObject({
      likelihood: 4,
      impact: 4,
      residual_likelihood: 3,
      residual_impact: 2,
      latest: { quarter, note: 'Demand panel meets weekly' },
    })
  })
})
