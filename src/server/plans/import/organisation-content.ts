import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import type { Queryable } from '../../db/database'
import { insertRecords, updateRecord } from '../../db/tables'
import type { PlanDocument } from '../../../shared/plans/plan-document'
import type { ImportItem } from '../../../shared/plans/import-summary'

type Content = PlanDocument['organisation']
interface ValueRow {
  id: string
  name: string
  meaning: string
  behaviours: string[]
  position: number
}

export interface OrganisationChanges {
  items: ImportItem[]
  versionsNeeded: number
  organisation: Record<string, unknown>
  newValues: Omit<ValueRow, 'id'>[]
  changedValues: ValueRow[]
}

/**
 * What a document changes in the organisation's own content (vision, values, ways of
 * working). A plan may set these out (AfC's do); values are matched by name, and values
 * it does not list are kept.
 */
export async function organisationChanges(
  tx: Queryable,
  orgId: string,
  content: Content,
): Promise<OrganisationChanges> {
  const none: OrganisationChanges = { items: [], versionsNeeded: 0, organisation: {}, newValues: [], changedValues: [] }
  if (!content) return none
  const [org] = await tx.query<{ vision: string; how_we_work: unknown }>(
    'select vision, how_we_work from organisations where id = $1',
    [orgId],
  )
  if (!org) throw new Error(`Unknown organisation ${orgId}`)
  const changes = { ...none, items: [] as ImportItem[] }
  if (content.vision !== undefined && content.vision !== org.vision) changes.organisation.vision = content.vision
  if (content.howWeWork && !isDeepStrictEqual(content.howWeWork, org.how_we_work))
    changes.organisation.howWeWork = content.howWeWork
  const fields = Object.keys(changes.organisation)
  if (fields.length)
    changes.items.push({ kind: 'organisation', key: 'organisation', label: 'The organisation', fields })

  const values = await tx.query<ValueRow>(
    'select id, name, meaning, behaviours, position from org_values where org_id = $1',
    [orgId],
  )
  const byName = new Map(values.map((value) => [value.name, value]))
  ;(content.values ?? []).forEach((value, position) => {
    const before = byName.get(value.name)
    const wanted = { name: value.name, meaning: value.meaning, behaviours: value.behaviours, position }
    if (!before) {
      changes.newValues.push(wanted)
      changes.items.push({ kind: 'value', key: value.name, label: value.name })
    } else if (
      before.meaning !== wanted.meaning ||
      !isDeepStrictEqual(before.behaviours, wanted.behaviours) ||
      before.position !== position
    ) {
      changes.changedValues.push({ id: before.id, ...wanted })
      changes.items.push({
        kind: 'value',
        key: value.name,
        label: value.name,
        fields: ['meaning', 'behaviours', 'position'],
      })
    }
  })
  changes.versionsNeeded = (fields.length ? 1 : 0) + changes.newValues.length + changes.changedValues.length
  return changes
}

/** Writes what `organisationChanges` found, numbering from `version`; returns the next free number. */
export async function writeOrganisationChanges(
  tx: Queryable,
  orgId: string,
  changes: OrganisationChanges,
  version: number,
): Promise<number> {
  if (Object.keys(changes.organisation).length)
    await updateRecord(tx, 'organisations', orgId, { ...changes.organisation, version: version++ })
  await insertRecords(
    tx,
    'org_values',
    changes.newValues.map((value) => ({ id: randomUUID(), orgId, version: version++, ...value })),
  )
  for (const { id, ...value } of changes.changedValues)
    await updateRecord(tx, 'org_values', id, { ...value, version: version++ })
  return version
}
