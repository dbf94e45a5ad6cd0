import type { ImportItem, ImportedRecordKind } from '../../../shared/plans/import-summary'

const kindWords: Record<ImportedRecordKind, [string, string]> = {
  organisation: ["The organisation's vision", "The organisation's vision"],
  value: ['value', 'values'],
  area: ['area', 'areas'],
  outcome: ['outcome', 'outcomes'],
  plan: ['plan', 'plans'],
  recommendation: ['recommendation', 'recommendations'],
  theme: ['theme', 'themes'],
  action: ['action', 'actions'],
  milestone: ['milestone', 'milestones'],
  measure: ['measure', 'measures'],
  risk: ['risk', 'risks'],
  section: ['section', 'sections'],
}

export const kindWord = (kind: ImportedRecordKind) => kindWords[kind][0]

/** "3 themes, 12 actions": how many of each kind, in the order the import takes them. */
export function countsByKind(items: ImportItem[]): string {
  const counts = new Map<ImportedRecordKind, number>()
  for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1)
  return [...counts].map(([kind, n]) => `${n} ${kindWords[kind][n === 1 ? 0 : 1]}`).join(', ')
}

/** A changed record's field names in words: `deadlineText` is "deadline text". */
export const fieldWords = (fields: string[] = []) =>
  fields.map((field) => field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(', ')
