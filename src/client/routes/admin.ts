import type { RouteRecordRaw } from 'vue-router'

/** Plan admins' screens that need a connection: people and teams, who is outstanding, importing a plan. Each screen loads on demand. */
export const adminRoutes: RouteRecordRaw[] = [
  {
    path: '/people',
    name: 'people',
    component: () => import('../features/people/PeopleView.vue'),
    meta: { title: 'People' },
  },
  {
    path: '/people/new',
    name: 'person-new',
    component: () => import('../features/people/NewPersonView.vue'),
    meta: { title: 'Add a person' },
  },
  {
    path: '/people/import',
    name: 'people-import',
    component: () => import('../features/people/ImportPeopleView.vue'),
    meta: { title: 'Import people' },
  },
  {
    path: '/people/:id',
    name: 'person',
    component: () => import('../features/people/PersonView.vue'),
    props: true,
    meta: { title: 'Person' },
  },
  {
    path: '/teams',
    name: 'teams',
    component: () => import('../features/people/TeamsView.vue'),
    meta: { title: 'Teams' },
  },
  {
    path: '/outstanding',
    name: 'outstanding',
    component: () => import('../features/reminders/OutstandingView.vue'),
    meta: { title: 'Outstanding' },
  },
  {
    path: '/import',
    name: 'import',
    component: () => import('../features/import/ImportView.vue'),
    meta: { title: 'Import a plan' },
  },
]
