import type { RouteRecordRaw } from 'vue-router'

/** Signing in and the screens of every day: My team, the dashboard, My actions, surveys, changes on this device, search, your devices. Each screen loads on demand. */
export const everydayRoutes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('../features/session/SignInView.vue'),
    meta: { title: 'Sign in', public: true },
  },
  {
    path: '/sign-in/complete',
    name: 'sign-in-complete',
    component: () => import('../features/session/SignInCompleteView.vue'),
    meta: { title: 'Signing in', public: true },
  },
  {
    path: '/my-team',
    name: 'my-team',
    component: () => import('../features/my-team/MyTeamView.vue'),
    meta: { title: 'My team' },
  },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('../features/dashboard/DashboardView.vue'),
    meta: { title: 'Dashboard' },
  },
  {
    path: '/my-actions',
    name: 'my-actions',
    component: () => import('../features/my-actions/MyActionsView.vue'),
    meta: { title: 'My actions' },
  },
  {
    path: '/surveys',
    name: 'surveys',
    component: () => import('../features/surveys/SurveysView.vue'),
    meta: { title: 'Surveys' },
  },
  {
    path: '/surveys/new',
    name: 'survey-new',
    component: () => import('../features/surveys/NewSurveyView.vue'),
    meta: { title: 'New survey' },
  },
  {
    path: '/surveys/:id',
    name: 'survey',
    component: () => import('../features/surveys/SurveyView.vue'),
    props: true,
    meta: { title: 'Survey' },
  },
  {
    path: '/surveys/:id/results',
    name: 'survey-results',
    component: () => import('../features/surveys/ResultsView.vue'),
    props: true,
    meta: { title: 'Survey results' },
  },
  {
    path: '/changes',
    name: 'changes',
    component: () => import('../features/outbox/ChangesView.vue'),
    meta: { title: 'Changes on this device' },
  },
  {
    path: '/search',
    name: 'search',
    component: () => import('../features/search/SearchView.vue'),
    meta: { title: 'Search the plan' },
  },
  {
    path: '/devices',
    name: 'devices',
    component: () => import('../features/account/DevicesView.vue'),
    meta: { title: 'Your devices' },
  },
  {
    path: '/set-password',
    name: 'set-password',
    component: () => import('../features/session/SetPasswordView.vue'),
    meta: { title: 'Set your password', public: true },
  },
]
