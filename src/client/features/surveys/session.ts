import { computed, onMounted, watch } from 'vue'
import { localDb } from '../../db/database'
import { useSyncStore } from '../../sync/store'
import { useSessionStore } from '../session/store'
import { refreshAnswered } from './queries'

/** The signed-in person (role and teams), as the session on this device knows them. */
export function useSignedInPerson() {
  const session = useSessionStore()
  return computed(() => session.session?.person)
}

/**
 * Asks the server which surveys this person has already answered, from any device,
 * when the screen opens online and after each sync, so none is offered twice.
 */
export function useAnsweredFromServer() {
  const sync = useSyncStore()
  const refresh = () => {
    if (sync.online) void refreshAnswered(localDb)
  }
  onMounted(refresh)
  watch(() => [sync.online, sync.lastSyncedAt], refresh)
}
