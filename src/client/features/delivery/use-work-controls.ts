import { computed, type Ref } from 'vue'
import { canContribute, canSetStatus } from '../../../shared/permissions'
import { useSessionStore } from '../session/store'
import type { Delivery } from './queries'

/**
 * Who is looking at a project or milestone and which controls they get: the same rules
 * the server enforces decide which controls appear.
 */
export function useWorkControls(delivery: Ref<Delivery | undefined>) {
  const session = useSessionStore()
  const me = computed(() => session.session?.person)
  const may = computed(() => {
    const person = me.value
    const scope = delivery.value?.scope
    if (!person || !scope) return { contribute: false, setStatus: false, assign: false }
    return {
      contribute: canContribute(person, scope),
      setStatus: canSetStatus(person, scope, scope.teamsOfAssignedPeople),
      assign: person.role === 'admin' || person.role === 'manager',
    }
  })
  const milestoneTitles = computed(() => new Map((delivery.value?.milestones ?? []).map((m) => [m.id, m.title])))
  return { me, may, milestoneTitles }
}
