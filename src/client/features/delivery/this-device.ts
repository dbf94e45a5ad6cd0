import { computed } from 'vue'
import { localDb } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { readMeta } from '../../db/meta'
import { useSessionStore } from '../session/store'
import type { Reader } from './history-words'

/** The person reading and this device's id, so history can say "from this device". */
export function useThisDevice() {
  const session = useSessionStore()
  // Live: the id is made when this device queues its first change.
  const { data: deviceId } = useLiveQuery(() => readMeta(localDb, 'deviceId'))
  return computed<Reader>(() => ({ personId: session.session?.person.id, deviceId: deviceId.value }))
}
