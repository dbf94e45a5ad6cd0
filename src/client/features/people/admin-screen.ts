import { computed, onMounted, ref } from 'vue'
import type { TeamChoice } from '../../../shared/people-admin'
import { useSessionStore } from '../session/store'
import { problemWith } from '../account/server-calls'
import { listTeams } from './server-calls'

/** What every people-and-teams screen starts with: whether a plan admin is asking, and the organisation's teams. */
export function useAdminScreen() {
  const session = useSessionStore()
  const isAdmin = computed(() => session.session?.person.role === 'admin')
  const teams = ref<TeamChoice[]>()
  const areas = ref<{ id: string; name: string }[]>([])
  const loadProblem = ref<string>()
  async function loadTeams() {
    loadProblem.value = undefined
    try {
      const list = await listTeams()
      teams.value = list.teams
      areas.value = list.areas
    } catch (failure) {
      loadProblem.value = problemWith(failure, "see your organisation's teams")
    }
  }
  onMounted(() => {
    if (isAdmin.value) void loadTeams()
  })
  return { isAdmin, teams, areas, loadProblem, loadTeams }
}
