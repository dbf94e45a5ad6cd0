import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { localDb } from './database'
import { useLiveQuery } from './live-query'
import { clearLocalData } from './reset'
import { values } from '../../../tests/support/plan-records'

async function until(check: () => boolean, timeout = 2000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('useLiveQuery', () => {
  beforeEach(() => clearLocalData(localDb))

  it('loads, then follows writes to what it read', async () => {
    const scope = effectScope()
    const result = scope.run(() => useLiveQuery(() => localDb.values.orderBy('position').toArray()))!
    expect(result.isLoading.value).toBe(true)
    await until(() => !result.isLoading.value)
    expect(result.data.value).toEqual([])
    await localDb.values.bulkPut(values)
    await until(() => result.data.value?.length === 3)
    expect(result.data.value?.map((v) => v.name)).toEqual(['Trust', 'Respect', 'Empower'])
    scope.stop()
  })

  it('runs again when its input changes, and reports errors', async () => {
    await localDb.values.bulkPut(values)
    const name = ref('Trust')
    const scope = effectScope()
    const result = scope.run(() =>
      useLiveQuery((wanted: string) => {
        if (wanted === 'fail') return Promise.reject(new Error('broken query'))
        return localDb.values.filter((v) => v.name === wanted).toArray()
      }, name),
    )!
    await until(() => result.data.value?.[0]?.name === 'Trust')
    name.value = 'Empower'
    await nextTick()
    await until(() => result.data.value?.[0]?.name === 'Empower')
    name.value = 'fail'
    await nextTick()
    await until(() => result.error.value !== undefined)
    expect(result.error.value?.message).toBe('broken query')
    scope.stop()
  })
})
