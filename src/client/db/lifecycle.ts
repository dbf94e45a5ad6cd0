import { ref } from 'vue'
import type { LocalDatabase } from './database'

/** True while another open tab, on an older version, holds up a database upgrade. */
export const upgradeBlocked = ref(false)

/**
 * Keeps tabs from fighting over the database across app updates. A tab on the old
 * version closes its connection and reloads into the new version (safe: nothing typed
 * lives only in memory); the new tab tells the person if an old one still blocks it.
 */
export function watchDatabaseLifecycle(db: LocalDatabase) {
  db.on('versionchange', () => {
    db.close()
    window.location.reload()
    return false
  })
  db.on('blocked', () => {
    upgradeBlocked.value = true
  })
  db.on('ready', () => {
    upgradeBlocked.value = false
  })
}
