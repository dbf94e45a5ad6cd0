import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { SessionInfo } from '../../../shared/api'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { clearLocalData } from '../../db/reset'
import { api } from '../../sync/api'
import { demoPassword } from '../../../server/demo/people'
import { rbwmPlanFields, rbwmTheme1Rows } from '../../../server/plans/spreadsheet/rbwm-theme-1.fixture'
import { csvText } from '../../../server/plans/spreadsheet/spreadsheet-files.fixture'
import { mountView, settle } from '../../../../tests/support/mount-view'
import { serverForViews, type ViewServer } from '../../../../tests/support/view-server'
import ImportView from './ImportView.vue'

/** A small plan of RBWM's own, new to the demo, as a plan admin would write it. */
const planDocument = {
  format: 'golden-thread/plan@2',
  areas: [{ key: 'windsor-and-maidenhead', name: 'Windsor and Maidenhead', kind: 'organisation' }],
  plan: {
    key: 'view-test-plan',
    title: 'Early help plan 2026',
    kind: 'service-plan',
    status: 'approved',
    versionLabel: 'v1',
    source: 'A test',
  },
  themes: [{ key: 'listening', title: 'Listening to families' }],
  actions: [
    {
      key: 'visits',
      theme: 'listening',
      areas: ['windsor-and-maidenhead'],
      code: 'EH1',
      description: 'Visit every family within a week',
      leads: [{ role: 'Head of Early Help' }],
    },
  ],
}

// The view against the real server over HTTP, signed in as RBWM's plan admin.
describe('Import a plan', { timeout: 60_000 }, () => {
  let app: ViewServer
  let wrapper: VueWrapper | undefined
  beforeAll(async () => {
    app = await serverForViews()
  }, 180_000)
  afterAll(() => app?.stop(), 60_000)
  beforeEach(() => clearLocalData(localDb))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
    vi.restoreAllMocks()
  })

  async function signInHere(email: string) {
    const info = await api<SessionInfo>('/auth/sign-in', { method: 'POST', body: { email, password: demoPassword } })
    await writeMeta(localDb, 'session', info)
  }
  async function open() {
    ;({ wrapper } = await mountView(ImportView))
    return wrapper
  }
  async function choose(w: VueWrapper, name: string, content: string) {
    const input = w.get<HTMLInputElement>('#import-file')
    Object.defineProperty(input.element, 'files', { value: [new File([content], name)], configurable: true })
    await input.trigger('change')
  }
  const summaryText = (w: VueWrapper) => w.get('[role="alert"]').text()

  it('previews a plan document, imports it once confirmed, and syncs the new plan onto the device', async () => {
    await signInHere('admin@rbwm.demo.local')
    const w = await open()
    expect(w.get('h1').text()).toBe('Import a plan')
    expect(w.findAll('a[download]').map((a) => a.attributes('href'))).toEqual([
      '/api/plans/import/template.xlsx',
      '/api/plans/import/template.csv',
    ])

    await w.get('form').trigger('submit')
    expect(summaryText(w)).toContain('Choose the file to import.')

    await choose(w, 'early-help.json', JSON.stringify(planDocument))
    await w.get('form').trigger('submit')
    await settle(() => w.find('#import-preview-title').exists(), 10_000)
    const preview = w.get('[aria-labelledby="import-preview-title"]')
    expect(preview.text()).toContain('Early help plan 2026 is a new plan.')
    expect(preview.get('#import-created').text()).toBe('To be created (3)')
    expect(preview.get('details summary').text()).toBe('1 plan, 1 theme, 1 action')
    expect(preview.get('#import-changed').text()).toBe('To be changed (0)')
    const onDevice = async () => (await localDb.plans.toArray()).some((p) => p.title === 'Early help plan 2026')
    expect(await onDevice()).toBe(false)

    await preview.get('button').trigger('click')
    await settle(() => w.find('#import-done').exists(), 10_000)
    expect(w.get('#import-done').text()).toBe('Imported Early help plan 2026')
    expect(document.activeElement?.id).toBe('import-done')
    await settle(() => w.find('#import-preview-title').exists() === false)
    // The sync the import asked for brings the plan onto this device.
    for (let tries = 0; !(await onDevice()); tries++) {
      if (tries > 200) throw new Error('the imported plan never reached the device')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }

    // The same document again changes nothing, and says so.
    await w.get('form').trigger('submit')
    await settle(() => w.find('#import-preview-title').exists(), 10_000)
    expect(w.get('[aria-labelledby="import-preview-title"]').text()).toContain('importing it changes nothing')
    // The plan, its theme and action, and the borough's area the demo plan made already.
    expect(w.get('#import-unchanged').text()).toBe('Unchanged (4)')
  })

  it('lists every problem of a refused document with its path, and of a CSV, its row and column', async () => {
    await signInHere('admin@rbwm.demo.local')
    const w = await open()
    await choose(
      w,
      'bad.json',
      JSON.stringify({
        ...planDocument,
        plan: { ...planDocument.plan, colour: 'red' },
        themes: [{ key: 'listening', title: 'Nul\u0000' }],
      }),
    )
    await w.get('form').trigger('submit')
    await settle(() => w.find('[role="alert"] li').exists(), 10_000)
    const items = w.findAll('[role="alert"] li').map((li) => li.text())
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plan: .*colour/),
        expect.stringMatching(/^themes\[0\]\.title: /),
      ]),
    )
    expect(summaryText(w)).toContain('Nothing was written.')
    expect(w.find('#import-preview-title').exists()).toBe(false)

    await choose(w, 'not.json', '{ not json')
    await w.get('form').trigger('submit')
    expect(summaryText(w)).toContain('not.json is not JSON a plan document can be read from.')

    await choose(w, 'theme-1.csv', csvText(rbwmTheme1Rows))
    expect(w.get('legend').text()).toBe('The plan')
    await w.get('form').trigger('submit')
    await settle(() => w.find('[role="alert"] li').exists(), 10_000)
    expect(w.findAll('[role="alert"] li').map((li) => li.text())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^plan\.title: The plan's Title is needed/)]),
    )

    await w.get('#plan-title').setValue(rbwmPlanFields.title)
    await w.get('#plan-versionLabel').setValue(rbwmPlanFields.versionLabel)
    await w.get('#plan-source').setValue(rbwmPlanFields.source)
    await w.get('#plan-kind').setValue('business-plan')
    await w.get('#plan-status').setValue('draft')
    await w.get('form').trigger('submit')
    await settle(() => w.find('#import-preview-title').exists(), 10_000)
    expect(w.get('details summary').text()).toBe('1 plan, 1 theme, 4 actions, 8 milestones')
  })

  it('tells anyone but a plan admin the screen is not for them, without asking the server', async () => {
    await signInHere('practitioner@rbwm.demo.local')
    const fetch = vi.spyOn(globalThis, 'fetch')
    const w = await open()
    expect(w.text()).toContain('Only plan admins can import plans.')
    expect(w.find('form').exists()).toBe(false)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('says an import needs a connection when the server cannot be reached', async () => {
    await signInHere('admin@rbwm.demo.local')
    const w = await open()
    await choose(w, 'early-help.json', JSON.stringify(planDocument))
    await app.goOffline()
    await w.get('form').trigger('submit')
    await settle(() => w.find('[role="alert"]').exists(), 10_000)
    expect(summaryText(w)).toContain('Previewing an import needs a connection.')
  })
})
