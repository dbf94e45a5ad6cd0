/**
 * The one doorway to PostgreSQL. PGlite (embedded) and a real server through `pg`
 * both sit behind it, so every query, migration and test runs the same SQL on both.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>
  /** Runs several statements at once, with no parameters (migrations). */
  exec(sql: string): Promise<void>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `work` in one transaction: all of it is written or none of it. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** A postgres:// URL; when absent the embedded database is used. */
  url?: string
  /** Folder for the embedded database; absent means in memory (tests). */
  dataDir?: string
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const { openPostgres } = await import('./postgres')
    return openPostgres(options.url)
  }
  const { openPglite } = await import('./pglite')
  return openPglite(options.dataDir)
}
