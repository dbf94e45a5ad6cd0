import { entitySchemas, entityTypes, type EntityType } from '../../shared/entities'
import { essentialTypes, type PullQuery, type PullResponse } from '../../shared/sync/protocol'
import type { Queryable } from './database'
import { tableOf } from './tables'
import { notDraftUnlessAdmin } from './draft-plans'

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const essential = new Set<EntityType>(essentialTypes)

/** Who is pulling: everything in a plan is their organisation's to read, but some records are one person's. */
export interface Reader {
  orgId: string
  personId: string
  admin: boolean
}

// A reminder is between a plan admin and the person reminded: only they, and plan admins, receive it.
// A draft plan and everything keyed to it reach plan admins only (draft-plans.ts).
const visibleTo: Partial<Record<EntityType, string>> = { reminder: 'and (person_id = $6 or $7)' }
const essentialList = `array[${essentialTypes.map((type) => `'${type}'`).join(', ')}]::text[]`

/**
 * A record as the device gets it, built by PostgreSQL from the shared schema's fields (so
 * server-only columns never leave): PGlite hands back one text instead of thousands of
 * parsed rows, which was most of a large pull's time. A function takes at most 100
 * arguments, so wide records are built in parts and joined.
 */
function recordJson(type: EntityType): string {
  const pairs = Object.keys(entitySchemas[type].shape).map((field) => `'${field}', t."${snake(field)}"`)
  if (pairs.length <= 50) return `json_build_object(${pairs.join(', ')})`
  const parts: string[] = []
  for (let start = 0; start < pairs.length; start += 50)
    parts.push(`jsonb_build_object(${pairs.slice(start, start + 50).join(', ')})`)
  return `(${parts.join(' || ')})`
}

/**
 * One query over the synced tables and the tombstones, in version order. First the page's
 * versions and ids alone: each branch walks its (org_id, version) index, so PostgreSQL
 * merges them and stops at the limit, and a pull with nothing new costs one index probe
 * per table. Then the JSON of only the records kept, fetched by id: built in the first
 * step, a table with no statistics yet (PGlite never analyses) would have it built for
 * every row before the sort. Essential records start after $4, the rest after $2 (see
 * protocol.ts); $3 is one more than the page holds, $5 the page; $6 is the reader, $7
 * whether they are a plan admin.
 */
function pullSql(types: EntityType[], tombstones: string): string {
  const versions = types.map((type) => {
    const since = essential.has(type) ? '$4' : '$2'
    return `(select '${type}'::text as type, id, version, false as deleted
        from ${tableOf[type]} t where org_id = $1 and version > ${since} ${visibleTo[type] ?? ''} ${notDraftUnlessAdmin(type)}
        order by version limit $3)`
  })
  versions.push(`(select entity_type, entity_id, version, true from tombstones
        where org_id = $1 and version > least($2, $4) and ${tombstones} order by version limit $3)`)
  const records = types.map(
    (
      type,
    ) => `select k.version, json_build_object('type', '${type}', 'op', 'put', 'version', k.version, 'data', ${recordJson(type)})::text as change
        from kept k join ${tableOf[type]} t on t.id = k.id where k.type = '${type}' and not k.deleted`,
  )
  records.push(
    `select version, json_build_object('type', type, 'op', 'delete', 'version', version, 'id', id)::text from kept where deleted`,
  )
  return `with page as materialized (${versions.join('\nunion all\n')}\norder by version limit $3),
    kept as materialized (select * from page order by version limit $5)
    select (select count(*) from page)::int as found, (select max(version) from kept) as last, (select max(version) from page) as top,
      coalesce((select string_agg(change, ',' order by version) from (${records.join('\nunion all\n')}) c), '') as changes`
}

const everythingSql = pullSql(
  entityTypes,
  `(entity_type <> all(${essentialList}) and version > $2 or entity_type = any(${essentialList}) and version > $4)`,
)
const essentialsSql = pullSql(essentialTypes, `entity_type = any(${essentialList})`)

interface Part {
  /** Changes kept, as JSON objects joined by commas. */
  changes: string
  kept: number
  last: number | null
  /** The version of the first change past the page, if there is one. */
  next: number | null
}

async function part(
  db: Queryable,
  sql: string,
  reader: Reader,
  since: number,
  essentialsSince: number,
  limit: number,
): Promise<Part> {
  const [row] = await db.query<{
    found: number
    last: string | number | null
    top: string | number | null
    changes: string
  }>(sql, [reader.orgId, since, limit + 1, Math.max(since, essentialsSince), limit, reader.personId, reader.admin])
  const found = row?.found ?? 0
  return {
    changes: row?.changes ?? '',
    kept: Math.min(found, limit),
    last: row?.last === null || row?.last === undefined ? null : Number(row.last),
    next: found > limit ? Number(row!.top) : null,
  }
}

/**
 * One page of changes as the JSON text of a PullResponse, ready to send as it is. With
 * `essentialsFirst`, the essential records after `essentialsSince` fill the page first;
 * once they have all come, the room left takes the rest in version order, as any page.
 */
export async function pullPageJson(db: Queryable, reader: Reader, query: PullQuery): Promise<string> {
  const { since, limit } = query
  let essentialsSince = Math.max(since, query.essentialsSince ?? since)
  let first = ''
  let room = limit
  let moreEssentials = false
  if (query.essentialsFirst) {
    const essentials = await part(db, essentialsSql, reader, essentialsSince, essentialsSince, limit)
    moreEssentials = essentials.next !== null
    essentialsSince = essentials.last ?? essentialsSince
    first = essentials.changes
    room = moreEssentials ? 0 : limit - essentials.kept
  }
  const rest = await part(db, everythingSql, reader, since, essentialsSince, room)
  const hasMore = moreEssentials || rest.next !== null
  // Every change up to the checkpoint is on the device once this page is: before `since`
  // it was; the essential records up to essentialsSince; the rest up to its last change,
  // or, when none fit, up to just before the first that waits.
  const checkpoint =
    rest.last !== null
      ? hasMore
        ? rest.last
        : Math.max(rest.last, essentialsSince)
      : rest.next !== null
        ? Math.max(since, Math.min(essentialsSince, rest.next - 1))
        : Math.max(since, essentialsSince)
  const changes = [first, rest.changes].filter(Boolean).join(',')
  const progress = query.essentialsFirst
    ? `,"essentials":{"checkpoint":${essentialsSince},"complete":${!moreEssentials}}`
    : ''
  return `{"changes":[${changes}],"checkpoint":${checkpoint},"hasMore":${hasMore}${progress}}`
}

export async function pullChanges(db: Queryable, reader: Reader, query: PullQuery): Promise<PullResponse> {
  return JSON.parse(await pullPageJson(db, reader, query)) as PullResponse
}
