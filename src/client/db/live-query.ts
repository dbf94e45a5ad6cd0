import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'

export interface QueryResult<T> {
  data: ShallowRef<T | undefined>
  isLoading: Ref<boolean>
  error: ShallowRef<Error | undefined>
}

/**
 * Runs `querier` against IndexedDB and runs it again whenever a write touches what it
 * read (sync included), or when `source` changes. Results sit in a shallowRef: they are
 * replaced whole, never deeply watched.
 */
export function useLiveQuery<T, S = undefined>(
  querier: (input: S) => Promise<T>,
  source?: WatchSource<S>,
): QueryResult<T> {
  const data = shallowRef<T>()
  const isLoading = shallowRef(true)
  const error = shallowRef<Error>()
  let subscription: Subscription | undefined

  const start = (input: S) => {
    subscription?.unsubscribe()
    isLoading.value = true
    subscription = liveQuery(() => querier(input)).subscribe({
      next(value) {
        data.value = value
        error.value = undefined
        isLoading.value = false
      },
      error(failure: unknown) {
        error.value = failure instanceof Error ? failure : new Error(String(failure))
        isLoading.value = false
      },
    })
  }

  if (source) watch(source, start, { immediate: true })
  else start(undefined as S)
  onScopeDispose(() => subscription?.unsubscribe())
  return { data, isLoading, error }
}
