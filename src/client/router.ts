import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from './features/session/store'
import { firstScreenOf } from './features/session/first-screen'
import { adminRoutes } from './routes/admin'
import { everydayRoutes } from './routes/everyday'
import { planRoutes } from './routes/plan'

declare module 'vue-router' {
  interface RouteMeta {
    title: string
    public?: boolean
  }
}

// Every screen but the shell loads on demand, so the first screen downloads only what it needs.
const routes: RouteRecordRaw[] = [
  // The first screen depends on who is signed in, known once beforeEach has restored the session.
  {
    path: '/',
    component: () => import('./features/my-team/MyTeamView.vue'),
    beforeEnter: () => firstScreenOf(useSessionStore().session?.person.role),
    meta: { title: 'My team' },
  },
  ...everydayRoutes,
  ...planRoutes,
  ...adminRoutes,
  {
    path: '/:rest(.*)*',
    name: 'not-found',
    component: () => import('./ui/NotFoundView.vue'),
    meta: { title: 'Page not found', public: true },
  },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach(async (to) => {
    const session = useSessionStore()
    if (!session.restored) await session.restore()
    if (!to.meta.public && !session.signedIn) return { name: 'sign-in', query: { next: to.fullPath } }
    // Signed in on the device: the sign-in page is only for a session that lapsed on the server.
    if (to.name === 'sign-in' && session.signedIn && to.query.again !== '1')
      return firstScreenOf(session.session?.person.role)
    return true
  })
  router.afterEach((to) => {
    document.title = `${to.meta.title} · Golden Thread`
  })
  return router
}
