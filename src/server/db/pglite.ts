import { mkdirSync } from 'node:fs'
import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { Database, Queryable } from './database'

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await target.query<Row>(sql, params)
      return result.rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  }
}

export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  // Same value shapes as the `pg` driver gives (see postgres.ts): ISO strings for dates, numbers for int8.
  const asString = (value: string) => value
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { 1082: asString, 1114: asString, 1184: asString, 20: Number },
  })
  return {
    kind: 'pglite',
    ...queryable(pg),
    transaction: (work) => pg.transaction((tx) => work(queryable(tx))),
    close: () => pg.close(),
  }
}
