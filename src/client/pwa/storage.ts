import { ref } from 'vue'

export type StorageState = 'persistent' | 'best-effort' | 'unsupported'

/** Whether the browser has promised to keep this device's copy of the plan. */
export const storageState = ref<StorageState>()

/**
 * Asks the browser to keep our data when space runs low. Chrome decides silently from
 * how the site is used; Safari honours it for installed apps. Called after sign-in,
 * when there is something worth keeping.
 */
export async function requestPersistentStorage(): Promise<StorageState> {
  if (!navigator.storage?.persist) return (storageState.value = 'unsupported')
  const granted = (await navigator.storage.persisted()) || (await navigator.storage.persist())
  return (storageState.value = granted ? 'persistent' : 'best-effort')
}

export async function readStorageState(): Promise<StorageState> {
  if (!navigator.storage?.persisted) return (storageState.value = 'unsupported')
  return (storageState.value = (await navigator.storage.persisted()) ? 'persistent' : 'best-effort')
}
