import pg from 'pg'
import type { Database, Queryable } from './database'

// Dates and timestamps stay ISO strings, exactly as PGlite's `to_jsonb` output gives them,
// so rows look the same whichever database served them.
const { types } = pg
for (const oid of [1082, 1114, 1184]) types.setTypeParser(oid, (value: string) => value)
types.setTypeParser(20, (value: string) => Number(value))

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params)
      return result.rows as Row[]
    },
    async exec(sql: string) {
      await client.query(sql)
    },
  }
}

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
  await pool.query('select 1')
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await work(queryable(client))
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
