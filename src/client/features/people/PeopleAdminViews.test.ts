import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { SessionInfo } from '../../../shared/api'
import type { AddedPerson, PersonPage, TeamsList } from '../../../shared/people-admin'
import type { PullResponse } from '../../../shared/sync/protocol'
import { localDb } from '../../db/database'
import { writeMeta } from '../../db/meta'
import { clearLocalData } from '../../db/reset'
import { api } from '../../sync/api'
import { useSessionStore } from '../session/store'
import { demoPassword } from '../../../server/demo/people'
import { mountView, settle } from '../../../../tests/support/mount-view'
import { serverForViews, type ViewServer } from '../../../../tests/support/view-server'
import TeamsView from './TeamsView.vue'
import NewPersonView from './NewPersonView.vue'
import ImportPeopleView from './ImportPeopleView.vue'
import PersonView from './PersonView.vue'
import SetPasswordView from '../session/SetPasswordView.vue'

// The views against the real server over HTTP, signed in on this "device" as the demo plan admin.
describe('people and teams screens', { timeout: 60_000 }, () => {
  let app: ViewServer
  let wrapper: VueWrapper | undefined
  beforeAll(async () => {
    app = await serverForViews()
  }, 180_000)
  afterAll(() => app?.stop(), 60_000)
  beforeEach(async () => {
    await clearLocalData(localDb)
    const info = await api<SessionInfo>('/auth/sign-in', {
      method: 'POST',
      body: { email: 'admin@demo.local', password: demoPassword },
    })
    await writeMeta(localDb, 'session', info)
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = undefined
  })

  const open = async (...args: Parameters<typeof mountView>) => {
    const mounted = await mountView(...args)
    wrapper = mounted.wrapper
    return mounted
  }
  const summary = (w: VueWrapper) => w.findAll('[role="alert"] li').map((li) => li.text())
  const status = (w: VueWrapper) => w.find('[role="status"]').text()
  const fill = async (w: VueWrapper, label: string, value: string) => {
    const id = w
      .findAll('label')
      .find((l) => l.text() === label)!
      .attributes('for')!
    await w.get(`#${id}`).setValue(value)
  }
  const chooseFile = async (w: VueWrapper, text: string) => {
    const input = w.get<HTMLInputElement>('input[type="file"]')
    Object.defineProperty(input.element, 'files', {
      value: [new File([text], 'people.csv', { type: 'text/csv' })],
      configurable: true,
    })
    await input.trigger('change')
    await settle(() => true, 50)
  }
  const teams = () => api<TeamsList>('/teams')

  it('adds a team, saying what is missing first', async () => {
    const { wrapper: w } = await open(TeamsView)
    await settle(() => w.find('table').exists(), 10_000)
    await w.get('form').trigger('submit')
    expect(summary(w)).toEqual([
      'Enter the name of the team',
      'Choose the area the team works in',
      'Enter the service the team is part of',
    ])
    expect(w.get('#team-name').attributes('aria-invalid')).toBe('true')
    await fill(w, 'Team name', 'Youth Justice East')
    await w.get('#team-area').setValue((await teams()).areas[0]!.id)
    await fill(w, 'Service', 'Youth Justice')
    await w.get('form').trigger('submit')
    await settle(() => status(w) === 'Youth Justice East has been added.', 10_000)
    expect(w.findAll('tbody th').map((th) => th.text())).toContain('Youth Justice East')
  })

  it('adds a person, shows their one-time code once, and the code lets them set a password and sign in', async () => {
    const { wrapper: w } = await open(NewPersonView)
    await settle(() => w.find('form').exists(), 10_000)
    await w.get('form').trigger('submit')
    expect(summary(w)).toEqual([
      'Enter their name',
      'Enter their job title',
      'Enter your email address, like name@example.org',
    ])
    await fill(w, 'Full name', 'Robin Starter')
    await fill(w, 'Job title', 'Social worker')
    await fill(w, 'Work email address', 'robin.starter@demo.local')
    await w.get('#member-of').setValue(true)
    await w.get('form').trigger('submit')
    await settle(() => w.find('h1').text() === 'Robin Starter has been added', 10_000)
    const code = w.get('[data-testid="one-time-code"]').text()
    expect(code.length).toBeGreaterThan(15)
    expect(w.text()).toContain(`${window.location.origin}/set-password?code=${code}`)
    w.unmount()

    await clearLocalData(localDb)
    await api('/auth/sign-out', { method: 'POST', body: {} })
    const { wrapper: form, router } = await open(SetPasswordView, `/set-password?code=${code}`)
    expect(form.get<HTMLInputElement>('#code').element.value).toBe(code)
    await fill(form, 'Work email address', 'robin.starter@demo.local')
    await fill(form, 'New password', 'short')
    await form.get('form').trigger('submit')
    expect(summary(form)).toEqual(['Your new password must be at least 12 characters long'])
    await fill(form, 'New password', 'robin starter password')
    await form.get('form').trigger('submit')
    await settle(() => router.currentRoute.value.path === '/my-team', 30_000)
    expect(useSessionStore().session?.person.name).toBe('Robin Starter')
  })

  it('previews a CSV file, lists every problem of a bad one by row and column, and imports a good one', async () => {
    const [team] = (await teams()).teams
    const { wrapper: w } = await open(ImportPeopleView)
    await w.get('form').trigger('submit')
    expect(summary(w)).toEqual(['Choose a CSV file'])
    await chooseFile(w, 'Name,Job title,Email,Role,Teams,Manages teams\nAsh,Worker,admin@demo.local,boss,Nowhere,\n')
    await w.get('form').trigger('submit')
    await settle(() => summary(w).length === 3, 10_000)
    expect(summary(w)).toEqual([
      'Row 2, Teams: There is no team called "Nowhere" in your organisation. Add it first.',
      'Row 2, Role: The role must be one of practitioner, manager, admin, viewer.',
      'Row 2, Email: Someone in Golden Thread already has this email.',
    ])
    expect(w.find('#preview-heading').exists()).toBe(false)

    await chooseFile(
      w,
      `Name,Job title,Email,Role,Teams,Manages teams\nAsh Import,Worker,ash.import@demo.local,viewer,${team!.name},\n`,
    )
    await w.get('form').trigger('submit')
    await settle(() => w.find('#preview-heading').exists(), 10_000)
    expect(w.get('#preview-heading').text()).toBe('1 person will be added')
    expect(
      w
        .get('section tbody tr')
        .findAll('td, th')
        .map((c) => c.text()),
    ).toEqual(['2', 'Ash Import', 'Worker', 'ash.import@demo.local', 'Viewer', team!.name, ''])
    await w
      .findAll('button')
      .find((b) => b.text() === 'Add 1 person')!
      .trigger('click')
    await settle(() => w.find('#imported-heading').exists(), 10_000)
    expect(w.get('#imported-heading').text()).toBe('1 person was added')
    expect(w.get('tbody td code').text().length).toBeGreaterThan(15)
  })

  it('moves a person between teams and deactivates them, listing the work they own', async () => {
    const [first, second] = (await teams()).teams
    const { person } = await api<AddedPerson>('/people', {
      method: 'POST',
      body: {
        name: 'Kit Leaver',
        jobTitle: 'Officer',
        email: 'kit.leaver@demo.local',
        role: 'practitioner',
        teamIds: [first!.id],
        managesTeamIds: [],
      },
    })
    const { wrapper: w } = await open(PersonView, '/', { id: person.id })
    await settle(() => w.find('form').exists(), 10_000)
    expect(w.text()).toContain(
      'Kit Leaver leads no projects, owns no milestones, measures or risks and has nothing assigned.',
    )
    await w.get(`#member-${second!.id}`).setValue(true)
    await w.get('#member-of').setValue(false)
    await w.get('form').trigger('submit')
    await settle(() => status(w).startsWith('Saved.'), 10_000)
    expect((await api<PersonPage>(`/people/${person.id}`)).person.teamIds).toEqual([second!.id])

    await w
      .findAll('button')
      .find((b) => b.text() === 'Deactivate Kit Leaver')!
      .trigger('click')
    expect(document.activeElement?.textContent?.trim()).toBe('Yes, deactivate Kit Leaver')
    await w.get('#confirm-deactivate').trigger('click')
    await settle(() => status(w).startsWith('Kit Leaver is deactivated.'), 10_000)
    expect(w.text()).toContain('Deactivated on')
    expect(w.find('form').exists()).toBe(false)
  })

  it('hands a leaver’s project and measure on in place, then reactivates them with a new one-time code', async () => {
    const [team] = (await teams()).teams
    const newPerson = (name: string, email: string) =>
      api<AddedPerson>('/people', {
        method: 'POST',
        body: { name, jobTitle: 'Officer', email, role: 'practitioner', teamIds: [team!.id], managesTeamIds: [] },
      })
    const { person: leaver } = await newPerson('Robin Leaver', 'robin.leaver@demo.local')
    const { person: successor } = await newPerson('Sky Successor', 'sky.successor@demo.local')
    // The leaver's work, given to them as an admin's device would.
    const changes: PullResponse['changes'] = []
    for (let since = 0; ;) {
      const page = await api<PullResponse>(`/sync/pull?since=${since}&limit=5000`)
      changes.push(...page.changes)
      since = page.checkpoint
      if (!page.hasMore) break
    }
    const records = (type: string) =>
      changes.flatMap((c) => (c.op === 'put' && c.type === type ? [c.data as { id: string; planId?: string }] : []))
    const current = records('plan').find((p) => (p as { status?: string }).status === 'approved')!
    const action = records('action').find((a) => a.planId === current.id)!
    const measure = records('measure').find((m) => m.planId === current.id)!
    const edit = (type: string, id: string, fields: Record<string, string>) => ({
      id: crypto.randomUUID(),
      deviceId: 'another-device',
      madeAt: new Date().toISOString(),
      kind: 'record.edit',
      data: { type, id, fields },
    })
    await api('/sync/push', {
      method: 'POST',
      body: {
        mutations: [
          edit('action', action.id, { leadPersonId: leaver.id }),
          edit('measure', measure.id, { ownerPersonId: leaver.id }),
        ],
      },
    })
    await api(`/people/${leaver.id}/deactivate`, { method: 'POST', body: {} })

    const { wrapper: w } = await open(PersonView, '/', { id: leaver.id })
    await settle(() => w.text().includes('Measures whose figures they record'), 10_000)
    expect(w.text()).toContain('Projects they lead')
    const submit = () => w.get('form').trigger('submit')
    await submit()
    await settle(() => summary(w).length > 0)
    expect(summary(w)).toEqual(['Choose who takes on at least one piece of work'])
    expect(w.get(`#hand-on-${action.id}`).attributes('aria-invalid')).toBe('true')
    // Only active people of the organisation take work on: not the leaver themself.
    const choices = w.findAll(`#hand-on-${action.id} option`).map((o) => o.text())
    expect(choices).toContain('Sky Successor')
    expect(choices).not.toContain('Robin Leaver')
    await w.get(`#hand-on-${action.id}`).setValue(successor.id)
    await w.get(`#hand-on-${measure.id}`).setValue(successor.id)
    await submit()
    await settle(() => w.text().includes('2 pieces of work were handed on.'))
    expect(w.findAll('.handed').map((p) => p.text())).toEqual([
      'Handed on to Sky Successor',
      'Handed on to Sky Successor',
    ])
    const queued = (await localDb.outbox.toArray()).map((entry) => entry.mutation)
    expect(queued).toEqual([
      expect.objectContaining({
        kind: 'record.edit',
        data: { type: 'action', id: action.id, fields: { leadPersonId: successor.id } },
      }),
      expect.objectContaining({
        kind: 'record.edit',
        data: { type: 'measure', id: measure.id, fields: { ownerPersonId: successor.id } },
      }),
    ])
    // Sent by the device's own sync, the server has the new owners.
    for (let tries = 0; tries < 400 && (await localDb.outbox.count()); tries++)
      await new Promise((resolve) => setTimeout(resolve, 25))
    expect((await api<PersonPage>(`/people/${leaver.id}`)).ownedWork).toMatchObject({ actions: [], measures: [] })
    expect((await api<PersonPage>(`/people/${successor.id}`)).ownedWork).toMatchObject({
      actions: [expect.objectContaining({ id: action.id })],
      measures: [{ id: measure.id, title: expect.any(String) }],
    })

    await w
      .findAll('button')
      .find((b) => b.text() === 'Reactivate Robin Leaver')!
      .trigger('click')
    await settle(() => status(w).startsWith('Robin Leaver is active again.'), 10_000)
    expect(w.get('[data-testid="one-time-code"]').text().length).toBeGreaterThan(15)
    expect((await api<PersonPage>(`/people/${leaver.id}`)).person.deactivatedAt).toBeNull()
  })

  it('tells anyone but a plan admin that these screens are not for them', async () => {
    await clearLocalData(localDb)
    const info = await api<SessionInfo>('/auth/sign-in', {
      method: 'POST',
      body: { email: 'manager@demo.local', password: demoPassword },
    })
    await writeMeta(localDb, 'session', info)
    const { wrapper: w } = await open(NewPersonView)
    expect(w.text()).toContain('Only plan admins can add people.')
    expect(w.find('form').exists()).toBe(false)
  })
})
