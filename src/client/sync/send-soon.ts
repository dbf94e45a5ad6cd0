import { requestBackgroundSync } from '../pwa/background-sync'
import { useSyncStore } from './store'

/**
 * Called after a change is queued. It is already safe on the device; this starts
 * sending it now if there is a connection, and leaves it to Background Sync if not.
 */
export function sendSoon() {
  void requestBackgroundSync()
  void useSyncStore().syncNow()
}
