import type { RouteRecordRaw } from 'vue-router'

/** The plans and what is in them, the golden thread, monitoring (measures, risks, the quarterly report) and plan admins' forms for the plan's records. Each screen loads on demand. */
export const planRoutes: RouteRecordRaw[] = [
  {
    path: '/plans',
    name: 'plans',
    component: () => import('../features/plan/PlansView.vue'),
    meta: { title: 'Plans' },
  },
  {
    path: '/plans/:id',
    name: 'plan',
    component: () => import('../features/plan/PlanView.vue'),
    props: true,
    meta: { title: 'Plan' },
  },
  {
    path: '/plans/:id/changes',
    name: 'plan-changes',
    component: () => import('../features/plan-lifecycle/VersionDiffView.vue'),
    props: true,
    meta: { title: 'What changed' },
  },
  {
    path: '/plans/:id/report',
    name: 'report',
    component: () => import('../features/report/ReportView.vue'),
    props: true,
    meta: { title: 'Quarterly report' },
  },
  {
    path: '/plans/:id/risks',
    name: 'risk-register',
    component: () => import('../features/risks/RiskRegisterView.vue'),
    props: true,
    meta: { title: 'Risk register' },
  },
  {
    path: '/risks/:id',
    name: 'risk',
    component: () => import('../features/risks/RiskView.vue'),
    props: true,
    meta: { title: 'Risk' },
  },
  {
    path: '/plans/:id/archived',
    name: 'archived-records',
    component: () => import('../features/plan-editing/ArchivedRecordsView.vue'),
    props: true,
    meta: { title: 'Archived records' },
  },
  // The address of the days of one plan: the plan asked for, the one current plan, or the list.
  {
    path: '/plan',
    component: () => import('../features/plan/PlansView.vue'),
    beforeEnter: async (to) => (await import('../features/plan/old-address')).whereOldPlanAddressGoes(to),
    meta: { title: 'Plans' },
  },
  {
    path: '/plan/actions/:id',
    name: 'action',
    component: () => import('../features/plan/ActionView.vue'),
    props: true,
    meta: { title: 'Project' },
  },
  {
    path: '/outcomes/:id',
    name: 'outcome',
    component: () => import('../features/golden-thread/OutcomeView.vue'),
    props: true,
    meta: { title: 'Outcome' },
  },
  {
    path: '/recommendations/:id',
    name: 'recommendation',
    component: () => import('../features/golden-thread/RecommendationView.vue'),
    props: true,
    meta: { title: 'Recommendation' },
  },
  {
    path: '/themes/:id',
    name: 'theme',
    component: () => import('../features/golden-thread/ThemeView.vue'),
    props: true,
    meta: { title: 'Theme' },
  },
  {
    path: '/milestones/:id',
    name: 'milestone',
    component: () => import('../features/milestone/MilestoneView.vue'),
    props: true,
    meta: { title: 'Milestone' },
  },
  {
    path: '/measures/:id',
    name: 'measure',
    component: () => import('../features/measures/MeasureView.vue'),
    props: true,
    meta: { title: 'Measure' },
  },
  // A plan admin's forms for the plan's records: an edit, or a new one in a plan (or a project, for a milestone).
  {
    path: '/edit/:type/:id',
    name: 'edit-record',
    component: () => import('../features/plan-editing/RecordEditView.vue'),
    props: true,
    meta: { title: 'Edit the plan' },
  },
  {
    path: '/add/:type',
    name: 'add-record',
    component: () => import('../features/plan-editing/RecordEditView.vue'),
    props: (route) => ({ type: route.params.type, parentId: route.query.in || undefined }),
    meta: { title: 'Add to the plan' },
  },
]
