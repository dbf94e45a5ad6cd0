import { entitySchemas } from '../../../shared/entities'
import { planDocumentSchema, type PlanDocument } from '../../../shared/plans/plan-document'
import type { ImportProblem } from '../../../shared/plans/import-summary'
import { importedKinds, type DocumentRecord, type ImportedKind } from './records'

/** What refuses a plan document before anything is read from the database: its shape, its keys, and what PostgreSQL stores. */
/** A document that cannot be imported as it is: every problem, each with where it is. */
export class ImportRefused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`The plan document cannot be imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`)
  }
}

const pathOf = (path: PropertyKey[]) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('')
const plural: Record<ImportedKind, string> = {
  area: 'areas',
  outcome: 'outcomes',
  plan: 'plan',
  recommendation: 'recommendations',
  theme: 'themes',
  action: 'actions',
  milestone: 'milestones',
  measure: 'measures',
  risk: 'risks',
  section: 'sections',
}

export function parseDocument(input: unknown): PlanDocument {
  const parsed = planDocumentSchema.safeParse(input)
  if (!parsed.success)
    throw new ImportRefused(
      parsed.error.issues.map((issue) => ({ path: pathOf(issue.path) || '(the document)', message: issue.message })),
    )
  const problems: ImportProblem[] = []
  for (const kind of importedKinds) {
    if (kind === 'plan') continue
    const seen = new Set<string>()
    parsed.data[plural[kind] as 'areas'].forEach((item: { key: string }, i: number) => {
      if (seen.has(item.key))
        problems.push({
          path: `${plural[kind]}[${i}].key`,
          message: `Another of the ${plural[kind]} already has the key "${item.key}".`,
        })
      seen.add(item.key)
    })
  }
  if (problems.length) throw new ImportRefused(problems)
  return parsed.data
}

// As PostgreSQL's jsonb gives it back: no undefined members.
export const stored = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)))

/** Each record's fields checked against the synced record's own schema: what PostgreSQL stores, nothing else. */
export function checkAgainstEntities(records: Record<ImportedKind, DocumentRecord[]>): ImportProblem[] {
  const problems: ImportProblem[] = []
  for (const kind of importedKinds) {
    records[kind].forEach((record, i) => {
      const shape = Object.fromEntries(Object.keys(record.fields).map((field) => [field, true as const]))
      const result = (
        entitySchemas[kind] as unknown as {
          pick(s: object): {
            safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }
          }
        }
      )
        .pick(shape)
        .safeParse(stored(record.fields))
      for (const issue of result.error?.issues ?? [])
        problems.push({
          path: `${plural[kind]}${kind === 'plan' ? '' : `[${i}]`}.${pathOf(issue.path)}`,
          message: issue.message,
        })
    })
  }
  return problems
}
