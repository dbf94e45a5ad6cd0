/** What counts as someone using the app. */
const useEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const
/** Saving the time of every keystroke would be a write per key; every half minute is close enough. */
const saveEvery = 30_000

export interface IdleWatch {
  idleMs: number
  /** The last use saved on this device, by this tab or another one. */
  lastUsed(): Promise<number | undefined>
  saveLastUsed(at: number): Promise<void>
  onIdle(): void
}

/**
 * Calls `onIdle` once nobody has used the app for `idleMs`, counting use in every tab on
 * the device. Time is read from the clock, not counted by timers: a hidden tab's timers
 * stall, and a closed app has none, so the check runs again whenever the app comes back
 * into view, and at the start, against the last use saved. Returns a stop.
 */
export function watchForIdle(watch: IdleWatch): () => void {
  let usedAt = 0
  let savedAt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const save = () => {
    savedAt = usedAt
    void watch.saveLastUsed(usedAt)
  }
  const used = () => {
    usedAt = Date.now()
    if (usedAt - savedAt >= saveEvery) save()
  }
  async function check() {
    clearTimeout(timer)
    const saved = (await watch.lastUsed()) ?? 0
    if (stopped) return
    const now = Date.now()
    // A clock put back makes the last use look to be in the future; count from now instead.
    const last = Math.min(Math.max(usedAt, saved), now)
    const left = last + watch.idleMs - now
    if (left <= 0) watch.onIdle()
    else timer = setTimeout(() => void check(), left)
  }
  const onVisibility = () => {
    if (document.visibilityState === 'visible') void check()
    // Going out of view may be the app closing: keep the true last use for when it reopens.
    else if (usedAt > savedAt) save()
  }

  for (const event of useEvents) document.addEventListener(event, used, { capture: true, passive: true })
  document.addEventListener('visibilitychange', onVisibility)
  void check()
  return () => {
    stopped = true
    clearTimeout(timer)
    for (const event of useEvents) document.removeEventListener(event, used, { capture: true })
    document.removeEventListener('visibilitychange', onVisibility)
  }
}
