import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from './features/session/store'
import { firstScreenOf } from './features/session/first-screen'

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
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('./features/session/SignInView.vue'),
    meta: { title: 'Sign in', public: true },
  },
  {
    path: '/sign-in/complete',
    name: 'sign-in-complete',
    component: () => import('./features/session/SignInCompleteView.vue'),
    meta: { title: 'Signing in', public: true },
  },
  {
    path: '/my-team',
    name: 'my-team',
    component: () => import('./features/my-team/MyTeamView.vue'),
    meta: { title: 'My team' },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./features/dashboard/DashboardView.vue'),
    meta: { title: 'Dashboard' },
  },
  {
    path: '/my-actions',
    name: 'my-actions',
    component: () => import('./features/my-actions/MyActionsView.vue'),
    meta: { title: 'My actions' },
  },
  {
    path: '/surveys',
    name: 'surveys',
    component: () => import('./features/surveys/SurveysView.vue'),
    meta: { title: 'Surveys' },
  },
  {
    path: '/surveys/new',
    name: 'survey-new',
    component: () => import('./features/surveys/NewSurveyView.vue'),
    meta: { title: 'New survey' },
  },
  {
    path: '/surveys/:id',
    name: 'survey',
    component: () => import('./features/surveys/SurveyView.vue'),
    props: true,
    meta: { title: 'Survey' },
  },
  {
    path: '/surveys/:id/results',
    name: 'survey-results',
    component: () => import('./features/surveys/ResultsView.vue'),
    props: true,
    meta: { title: 'Survey results' },
  },
  {
    path: '/changes',
    name: 'changes',
    component: () => import('./features/outbox/ChangesView.vue'),
    meta: { title: 'Changes on this device' },
  },
  { path: '/plans', name: 'plans', component: () => import('./features/plan/PlansView.vue'), meta: { title: 'Plans' } },
  {
    path: '/plans/:id',
    name: 'plan',
    component: () => import('./features/plan/PlanView.vue'),
    props: true,
    meta: { title: 'Plan' },
  },
  {
    path: '/plans/:id/changes',
    name: 'plan-changes',
    component: () => import('./features/plan-lifecycle/VersionDiffView.vue'),
    props: true,
    meta: { title: 'What changed' },
  },
  {
    path: '/plans/:id/report',
    name: 'report',
    component: () => import('./features/report/ReportView.vue'),
    props: true,
    meta: { title: 'Quarterly report' },
  },
  {
    path: '/plans/:id/risks',
    name: 'risk-register',
    component: () => import('./features/risks/RiskRegisterView.vue'),
    props: true,
    meta: { title: 'Risk register' },
  },
  {
    path: '/risks/:id',
    name: 'risk',
    component: () => import('./features/risks/RiskView.vue'),
    props: true,
    meta: { title: 'Risk' },
  },
  {
    path: '/plans/:id/archived',
    name: 'archived-records',
    component: () => import('./features/plan-editing/ArchivedRecordsView.vue'),
    props: true,
    meta: { title: 'Archived records' },
  },
  // The address of the days of one plan: the plan asked for, the one current plan, or the list.
  {
    path: '/plan',
    component: () => import('./features/plan/PlansView.vue'),
    beforeEnter: async (to) => (await import('./features/plan/old-address')).whereOldPlanAddressGoes(to),
    meta: { title: 'Plans' },
  },
  {
    path: '/plan/actions/:id',
    name: 'action',
    component: () => import('./features/plan/ActionView.vue'),
    props: true,
    meta: { title: 'Project' },
  },
  {
    path: '/outcomes/:id',
    name: 'outcome',
    component: () => import('./features/golden-thread/OutcomeView.vue'),
    props: true,
    meta: { title: 'Outcome' },
  },
  {
    path: '/recommendations/:id',
    name: 'recommendation',
    component: () => import('./features/golden-thread/RecommendationView.vue'),
    props: true,
    meta: { title: 'Recommendation' },
  },
  {
    path: '/themes/:id',
    name: 'theme',
    component: () => import('./features/golden-thread/ThemeView.vue'),
    props: true,
    meta: { title: 'Theme' },
  },
  {
    path: '/milestones/:id',
    name: 'milestone',
    component: () => import('./features/milestone/MilestoneView.vue'),
    props: true,
    meta: { title: 'Milestone' },
  },
  {
    path: '/measures/:id',
    name: 'measure',
    component: () => import('./features/measures/MeasureView.vue'),
    props: true,
    meta: { title: 'Measure' },
  },
  // A plan admin's forms for the plan's records: an edit, or a new one in a plan (or a project, for a milestone).
  {
    path: '/edit/:type/:id',
    name: 'edit-record',
    component: () => import('./features/plan-editing/RecordEditView.vue'),
    props: true,
    meta: { title: 'Edit the plan' },
  },
  {
    path: '/add/:type',
    name: 'add-record',
    component: () => import('./features/plan-editing/RecordEditView.vue'),
    props: (route) => ({ type: route.params.type, parentId: route.query.in || undefined }),
    meta: { title: 'Add to the plan' },
  },
  {
    path: '/search',
    name: 'search',
    component: () => import('./features/search/SearchView.vue'),
    meta: { title: 'Search the plan' },
  },
  {
    path: '/devices',
    name: 'devices',
    component: () => import('./features/account/DevicesView.vue'),
    meta: { title: 'Your devices' },
  },
  {
    path: '/people',
    name: 'people',
    component: () => import('./features/people/PeopleView.vue'),
    meta: { title: 'People' },
  },
  {
    path: '/people/new',
    name: 'person-new',
    component: () => import('./features/people/NewPersonView.vue'),
    meta: { title: 'Add a person' },
  },
  {
    path: '/people/import',
    name: 'people-import',
    component: () => import('./features/people/ImportPeopleView.vue'),
    meta: { title: 'Import people' },
  },
  {
    path: '/people/:id',
    name: 'person',
    component: () => import('./features/people/PersonView.vue'),
    props: true,
    meta: { title: 'Person' },
  },
  {
    path: '/teams',
    name: 'teams',
    component: () => import('./features/people/TeamsView.vue'),
    meta: { title: 'Teams' },
  },
  {
    path: '/set-password',
    name: 'set-password',
    component: () => import('./features/session/SetPasswordView.vue'),
    meta: { title: 'Set your password', public: true },
  },
  {
    path: '/outstanding',
    name: 'outstanding',
    component: () => import('./features/reminders/OutstandingView.vue'),
    meta: { title: 'Outstanding' },
  },
  {
    path: '/import',
    name: 'import',
    component: () => import('./features/import/ImportView.vue'),
    meta: { title: 'Import a plan' },
  },
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
