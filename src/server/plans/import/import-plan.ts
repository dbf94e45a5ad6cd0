import { randomUUID } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import type { Queryable } from '../../db/database'
import { insertRecords, tableOf, updateRecord } from '../../db/tables'
import { reserveVersions } from '../../db/versions'
import type { ImportItem, ImportProblem, ImportSummary, ItemWithFields } from '../../../shared/plans/import-summary'
import { importedKinds, recordsOfDocument, type DocumentRecord, type ImportedKind, type KeyKind } from './records'
import { checkAgainstEntities, ImportRefused, parseDocument, stored } from './document-checks'
import { organisationChanges, writeOrganisationChanges } from './organisation-content'

interface Existing {
  id: string
  data: Record<string, unknown>
}

const orgWide = new Set<ImportedKind>(['area', 'outcome'])
/** What the organisation already holds that this document's keys may name, as id and stored record. */
async function existingRecords(
  tx: Queryable,
  orgId: string,
  planKey: string,
): Promise<Record<ImportedKind, Map<string, Existing>>> {
  const found = Object.fromEntries(importedKinds.map((kind) => [kind, new Map<string, Existing>()])) as Record<
    ImportedKind,
    Map<string, Existing>
  >
  const load = async (kind: ImportedKind, where: string, params: unknown[]) => {
    const rows = await tx.query<{ id: string; import_key: string; data: Record<string, unknown> }>(
      `select id, import_key, to_jsonb(t) as data from ${tableOf[kind]} t where ${where} and import_key is not null`,
      params,
    )
    for (const row of rows) found[kind].set(row.import_key, { id: row.id, data: row.data })
  }
  await load('area', 'org_id = $1', [orgId])
  await load('outcome', 'org_id = $1', [orgId])
  await load('plan', 'org_id = $1', [orgId])
  const plan = found.plan.get(planKey)
  if (plan) {
    for (const kind of ['recommendation', 'theme', 'action', 'measure', 'risk', 'section'] as const)
      await load(kind, 'plan_id = $1', [plan.id])
    await load('milestone', 'action_id in (select id from actions where plan_id = $1)', [plan.id])
  }
  return found
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/**
 * A measure's actuals are the document's for the periods it gives; periods recorded in
 * the app since (a closed survey's result) are kept after them, so re-importing neither
 * loses them nor counts them as a change.
 */
function withAppActuals(
  kind: ImportedKind,
  fields: Record<string, unknown>,
  existing: Existing | undefined,
): Record<string, unknown> {
  if (kind !== 'measure' || !existing) return fields
  const documented = fields.actuals as { period: string }[]
  const periods = new Set(documented.map((actual) => actual.period))
  const recorded = (existing.data.actuals as { period: string }[]).filter((actual) => !periods.has(actual.period))
  return { ...fields, actuals: [...documented, ...recorded] }
}

/**
 * The fields the document changes, and those it would change but a plan admin has
 * edited in the app since (`field_edits`): the app's value stands, so an import of an
 * older document never undoes an edit made in the app, and the summary says so.
 */
function changedFields(fields: Record<string, unknown>, existing: Existing): { changed: string[]; kept: string[] } {
  const differing = Object.keys(fields).filter(
    (field) => !isDeepStrictEqual(stored(fields[field]), existing.data[snake(field)] ?? null),
  )
  const edited = (existing.data.field_edits ?? {}) as Record<string, unknown>
  return {
    changed: differing.filter((field) => !(field in edited)),
    kept: differing.filter((field) => field in edited),
  }
}

export interface ImportOptions {
  orgId: string
  document: unknown
  /** The plan admin importing it; none from the command line. */
  importedBy: string | null
  /** Work out what would change and write nothing. */
  dryRun: boolean
}

/**
 * Imports one plan document into an existing organisation, in the caller's transaction.
 * Records are matched to what earlier imports made by their keys: the same document
 * again changes nothing; a changed one updates records in place (the app's own fields,
 * such as status, untouched) and is kept with what it changed in `plan_imports`.
 * Records the document no longer has are kept, and listed. Any problem refuses the
 * whole document, with every problem's path, before anything is written.
 */
export async function importPlan(tx: Queryable, options: ImportOptions): Promise<ImportSummary> {
  const doc = parseDocument(options.document)
  const { orgId } = options
  // Two imports of one organisation's plans at once would each find no plan with a new key
  // and both insert it; the second would fail on the unique key. Taken first, the
  // organisation's lock makes the second wait and then find what the first made.
  if (!options.dryRun) await tx.query('select 1 from organisations where id = $1 for update', [orgId])
  const existing = await existingRecords(tx, orgId, doc.plan.key)

  const newIds = new Map<string, string>()
  const problems: ImportProblem[] = []
  const inDocument: Record<KeyKind, Set<string>> = {
    area: new Set(doc.areas.map((a) => a.key)),
    outcome: new Set(doc.outcomes.map((o) => o.key)),
    plan: new Set([doc.plan.key]),
    recommendation: new Set(doc.recommendations.map((r) => r.key)),
    theme: new Set(doc.themes.map((t) => t.key)),
    action: new Set(doc.actions.map((a) => a.key)),
  }
  const idOf = (kind: ImportedKind, key: string): string => {
    const known = existing[kind].get(key)?.id
    if (known) return known
    const name = `${kind}:${key}`
    if (!newIds.has(name)) newIds.set(name, randomUUID())
    return newIds.get(name)!
  }
  const records = recordsOfDocument(doc, (kind, key, path) => {
    const defined =
      inDocument[kind].has(key) || (orgWide.has(kind) || kind === 'plan' ? existing[kind].has(key) : false)
    if (kind === 'plan' && key === doc.plan.key)
      problems.push({ path, message: 'A plan cannot succeed or serve itself.' })
    else if (!defined)
      problems.push({
        path,
        message: `Nothing has the ${kind} key "${key}", in this document${orgWide.has(kind) || kind === 'plan' ? ' or the organisation' : ''}.`,
      })
    return idOf(kind, key)
  })
  problems.push(...checkAgainstEntities(records))
  if (problems.length) throw new ImportRefused(problems)

  const planId = idOf('plan', doc.plan.key)
  const created: (ImportItem & { record: DocumentRecord })[] = []
  const changed: (ImportItem & { record: DocumentRecord; id: string })[] = []
  let unchanged = 0
  const editedInApp: ItemWithFields[] = []
  const notInDocument: ImportItem[] = []
  for (const kind of importedKinds) {
    const keys = new Set(records[kind].map((r) => r.key))
    for (const record of records[kind]) {
      const before = existing[kind].get(record.key)
      record.fields = withAppActuals(kind, record.fields, before)
      if (!before) created.push({ kind, key: record.key, label: record.label, record })
      else {
        const { changed: fields, kept } = changedFields(record.fields, before)
        if (kept.length) editedInApp.push({ kind, key: record.key, label: record.label, fields: kept })
        if (fields.length) changed.push({ kind, key: record.key, label: record.label, fields, record, id: before.id })
        else unchanged++
      }
    }
    // Other documents' plans, areas and outcomes are theirs, not missing from this one.
    if (orgWide.has(kind) || kind === 'plan') continue
    for (const [key, before] of existing[kind]) {
      if (!keys.has(key))
        notInDocument.push({
          kind,
          key,
          label: String(before.data.title ?? before.data.number ?? before.data.description ?? key),
        })
    }
  }
  const organisation = await organisationChanges(tx, orgId, doc.organisation)
  const summary: ImportSummary = {
    planId,
    planTitle: doc.plan.title,
    planExisted: existing.plan.has(doc.plan.key),
    created: created.map(({ record: _, ...item }) => item),
    changed: changed.map(({ record: _, id: __, ...item }) => item),
    unchanged,
    editedInApp,
    notInDocument,
    organisation: organisation.items,
  }
  if (options.dryRun || (!created.length && !changed.length && !organisation.items.length)) return summary

  let version = await reserveVersions(tx, orgId, created.length + changed.length + organisation.versionsNeeded)
  version = await writeOrganisationChanges(tx, orgId, organisation, version)
  for (const kind of importedKinds) {
    const rows = created
      .filter((item) => item.kind === kind)
      .map(({ record }) => ({
        id: idOf(kind, record.key),
        orgId,
        version: version++,
        importKey: record.key,
        ...(orgWide.has(kind) || kind === 'plan' || kind === 'milestone' ? {} : { planId }),
        ...record.fields,
      }))
    if (rows.length) await insertRecords(tx, tableOf[kind], rows)
    for (const item of changed.filter((c) => c.kind === kind)) {
      const fields = Object.fromEntries(item.fields!.map((field) => [field, item.record.fields[field]]))
      await updateRecord(tx, tableOf[kind], item.id, { ...fields, version: version++ })
    }
  }
  await insertRecords(tx, 'plan_imports', [
    {
      id: randomUUID(),
      orgId,
      planId,
      importedBy: options.importedBy,
      document: doc,
      created: summary.created,
      changed: summary.changed,
    },
  ])
  return summary
}
