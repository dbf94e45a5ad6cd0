import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import type { SessionInfo } from '../../src/shared/api'
import { localDb } from '../../src/client/db/database'
import { writeMeta } from '../../src/client/db/meta'
import { clearLocalData } from '../../src/client/db/reset'
import { useSessionStore } from '../../src/client/features/session/store'
import * as records from './plan-records'

/** Puts the small test plan on the "device", signed in as its practitioner. */
export async function deviceWithPlan(): Promise<SessionInfo> {
  await clearLocalData(localDb)
  await localDb.organisations.put(records.organisation)
  await localDb.plans.put(records.plan)
  await localDb.values.bulkPut(records.values)
  await localDb.areas.bulkPut(records.areas)
  await localDb.teams.bulkPut(records.teams)
  await localDb.people.put(records.person)
  await localDb.themes.bulkPut(
    records.themes.map((t) => ({ ...t, searchText: `${t.title} ${t.outcome}`.toLowerCase() })),
  )
  await localDb.actions.bulkPut(
    records.actions.map((a) => ({ ...a, searchText: `${a.code} ${a.description}`.toLowerCase() })),
  )
  await localDb.milestones.bulkPut(records.milestones.map((m) => ({ ...m, searchText: m.title.toLowerCase() })))
  const session: SessionInfo = {
    person: records.person,
    email: 'alex@test.example',
    organisation: {
      id: records.organisation.id,
      name: records.organisation.name,
      shortName: records.organisation.shortName,
    },
  }
  await writeMeta(localDb, 'session', session)
  return session
}

const Stub = { template: '<div />' }

/** Mounts a real view with a real Pinia and router, after the session is restored from the device. */
export async function mountView(view: Component, path = '/', props: Record<string, unknown> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  await useSessionStore().restore()
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Stub },
      { path: '/my-team', component: Stub },
      { path: '/my-actions', name: 'my-actions', component: Stub },
      { path: '/plan', component: Stub },
      { path: '/plans', name: 'plans', component: Stub },
      { path: '/plans/:id', name: 'plan', component: Stub },
      { path: '/plan/actions/:id', name: 'action', component: Stub },
      { path: '/outcomes/:id', name: 'outcome', component: Stub },
      { path: '/recommendations/:id', name: 'recommendation', component: Stub },
      { path: '/themes/:id', name: 'theme', component: Stub },
      { path: '/milestones/:id', name: 'milestone', component: Stub },
      { path: '/measures/:id', name: 'measure', component: Stub },
      { path: '/plans/:id/archived', name: 'archived-records', component: Stub },
      { path: '/plans/:id/changes', name: 'plan-changes', component: Stub },
      { path: '/plans/:id/report', name: 'report', component: Stub },
      { path: '/edit/:type/:id', name: 'edit-record', component: Stub },
      { path: '/add/:type', name: 'add-record', component: Stub },
      { path: '/plans/:id/risks', name: 'risk-register', component: Stub },
      { path: '/risks/:id', name: 'risk', component: Stub },
      { path: '/search', component: Stub },
      { path: '/surveys', component: Stub },
      { path: '/surveys/new', component: Stub },
      { path: '/surveys/:id', component: Stub },
      { path: '/surveys/:id/results', component: Stub },
      { path: '/sign-in', name: 'sign-in', component: Stub },
    ],
  })
  await router.push(path)
  const wrapper = mount(view, { props, global: { plugins: [pinia, router] }, attachTo: document.body })
  return { wrapper, router }
}

/** Waits for Dexie's live queries (which settle outside Vue's tick) to reach the screen. */
export async function settle(check: () => boolean, timeout = 2000) {
  const start = Date.now()
  for (;;) {
    await flushPromises()
    if (check()) return
    if (Date.now() - start > timeout) throw new Error('the view did not settle')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
