import type { Queryable } from '../../src/server/db/database'
import { createOrganisation } from '../../src/server/demo/seed'
import { importPlan } from '../../src/server/plans/import/import-plan'

/** An organisation made for a test, its plans imported, and the ids its documents' keys became. */
export interface ImportedOrganisation {
  orgId: string
  /** The last document's plan. */
  planId: string
  areaIds: Map<string, string>
  themeIds: Map<string, string>
  actionIds: Map<string, string>
}

/** What each key of the organisation's documents became in `table`: import key to id. */
export async function idsByKey(
  tx: Queryable,
  table: 'areas' | 'themes' | 'actions',
  orgId: string,
): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; import_key: string }>(
    `select id, import_key from ${table} where org_id = $1 and import_key is not null order by position`,
    [orgId],
  )
  return new Map(rows.map((row) => [row.import_key, row.id]))
}

/**
 * A new organisation with `documents` imported into it in order, through the same import
 * as the app and the demo (an earlier document may be one a later one succeeds).
 */
export async function importIntoNewOrganisation(
  tx: Queryable,
  organisation: { name: string; shortName: string },
  ...documents: unknown[]
): Promise<ImportedOrganisation> {
  const orgId = await createOrganisation(tx, organisation.name, organisation.shortName)
  let planId = ''
  for (const document of documents)
    planId = (await importPlan(tx, { orgId, document, importedBy: null, dryRun: false })).planId
  return {
    orgId,
    planId,
    areaIds: await idsByKey(tx, 'areas', orgId),
    themeIds: await idsByKey(tx, 'themes', orgId),
    actionIds: await idsByKey(tx, 'actions', orgId),
  }
}
