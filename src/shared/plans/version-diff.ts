/**
 * What changed between two versions of a plan, from their records alone (offline, over
 * what the device holds): records of the newer version are paired with the older's by
 * `carriedFromId`, followed back through any versions between (`earlier`). Ids that name
 * other records are compared through the same pairing, so a record copied unchanged is unchanged.
 */
export interface VersionRecord {
  id: string
  carriedFromId?: string | null
  [field: string]: unknown
}
export interface RecordChange {
  type: string
  id: string
  fields: { name: string; from: unknown; to: unknown }[]
}
export interface VersionDiff {
  added: { type: string; record: VersionRecord }[]
  removed: { type: string; record: VersionRecord }[]
  changed: RecordChange[]
}

// Identity, bookkeeping and what a record belongs to say nothing a reader of the plan would call a change.
const ignored = new Set(['id', 'version', 'carriedFromId', 'planId', 'statusSetAt', 'statusSetBy', 'statusMutationId'])

export function versionDiff(
  older: Record<string, VersionRecord[]>,
  newer: Record<string, VersionRecord[]>,
  earlier: Map<string, string | null | undefined> = new Map(),
): VersionDiff {
  const olderIds = new Set(Object.values(older).flatMap((records) => records.map((r) => r.id)))
  // The older version's id a record goes back to, if any.
  const origin = (id: string, from: string | null | undefined): string | undefined => {
    let at = from
    for (let steps = 0; at && steps < 100; steps++) {
      if (olderIds.has(at)) return at
      at = earlier.get(at)
    }
    return olderIds.has(id) ? id : undefined
  }
  const newerToOlder = new Map<string, string>()
  for (const records of Object.values(newer))
    for (const r of records) {
      const back = origin(r.id, r.carriedFromId)
      if (back) newerToOlder.set(r.id, back)
    }
  const asOlder = (value: unknown): unknown =>
    typeof value === 'string' ? (newerToOlder.get(value) ?? value) : Array.isArray(value) ? value.map(asOlder) : value
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

  const diff: VersionDiff = { added: [], removed: [], changed: [] }
  const paired = new Set<string>()
  for (const [type, records] of Object.entries(newer)) {
    const olderById = new Map((older[type] ?? []).map((r) => [r.id, r]))
    for (const record of records) {
      const was = olderById.get(newerToOlder.get(record.id) ?? '')
      if (!was) {
        diff.added.push({ type, record })
        continue
      }
      paired.add(was.id)
      const names = [...new Set([...Object.keys(was), ...Object.keys(record)])].filter((name) => !ignored.has(name))
      const fields = names.flatMap((name) =>
        same(was[name], asOlder(record[name])) ? [] : [{ name, from: was[name] ?? null, to: record[name] ?? null }],
      )
      if (fields.length) diff.changed.push({ type, id: record.id, fields })
    }
  }
  for (const [type, records] of Object.entries(older))
    for (const record of records) if (!paired.has(record.id)) diff.removed.push({ type, record })
  return diff
}
