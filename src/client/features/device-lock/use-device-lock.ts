import { computed, nextTick, onScopeDispose, watch, type ComputedRef } from 'vue'
import { useRoute } from 'vue-router'
import { localDb } from '../../db/database'
import { readLastUsed, saveLastUsed } from '../../db/device-lock'
import { useSessionStore } from '../session/store'
import { watchForIdle } from './idle'
import { lockAfterMs, useDeviceLockStore } from './store'

const signInPages = new Set<unknown>(['sign-in', 'sign-in-complete'])

/**
 * For the app's root: locks the device after a while unused, and says when the device
 * lock's screens stand in for the whole app. While they do, the app is not rendered at
 * all, so nothing of the plan is in the page for anyone to read or tab to.
 */
export function useDeviceLock(): ComputedRef<boolean> {
  const lock = useDeviceLockStore()
  const session = useSessionStore()
  const route = useRoute()

  let stopWatching: (() => void) | undefined
  watch(
    () => session.signedIn && lock.status === 'open',
    (open) => {
      stopWatching?.()
      stopWatching = open
        ? watchForIdle({
            idleMs: lockAfterMs,
            lastUsed: () => readLastUsed(localDb),
            saveLastUsed: (at) => saveLastUsed(localDb, at),
            onIdle: () => void lock.lock(),
          })
        : undefined
    },
    { immediate: true },
  )
  onScopeDispose(() => stopWatching?.())

  const covers = computed(() => {
    if (lock.wipedForWrongPins) return true
    if (!session.signedIn) return false
    // Right after signing in, the sign-in pages stay while the first sync runs; the PIN comes next.
    if (lock.status === 'needs-pin') return !signInPages.has(route.name)
    // Back from the identity provider to replace a forgotten PIN. Safe only because the old session has ended.
    if (lock.status === 'locked' && lock.pinForgotten && route.name === 'sign-in-complete') return false
    return lock.status !== 'open'
  })

  // Back in the app: start from the page's heading, as after any move to a new page.
  watch(covers, async (covering, before) => {
    if (covering || !before) return
    await nextTick()
    document.querySelector<HTMLElement>('main h1')?.focus()
  })
  return covers
}
