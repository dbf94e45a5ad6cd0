/** My team's parts loaded after the rest of the page; warmed with every screen's code (pwa/warm-screens.ts). */
export const openSurveysPart = () => import('../surveys/OpenSurveys.vue')
export const teamMembersPart = () => import('./TeamMembers.vue')
