import type { LocalDatabase } from './database'

/** Removes everything this device holds for the signed-in person (shared tablets). */
export async function clearLocalData(db: LocalDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
  })
}
