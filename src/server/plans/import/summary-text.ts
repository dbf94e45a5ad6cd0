import type { ImportItem, ImportProblem, ImportSummary } from '../../../shared/plans/import-summary'

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const itemLine = (item: ImportItem) =>
  `  ${item.kind} ${item.key}: ${item.label}${item.fields?.length ? ` (${item.fields.join(', ')})` : ''}`

/** An import's summary as the command line prints it: counts first, then each record by kind and key. */
export function summaryText(summary: ImportSummary, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Preview (nothing written)' : 'Imported'}: ${summary.planTitle}${summary.planExisted ? ' (updating the plan an earlier import made)' : ' (a new plan)'}`,
    `${count(summary.created.length, 'record')} ${dryRun ? 'to create' : 'created'}, ${count(summary.changed.length, 'record')} ${dryRun ? 'to change' : 'changed'}, ${summary.unchanged} unchanged, ${summary.notInDocument.length} no longer in the document (kept)`,
  ]
  const section = (title: string, items: ImportItem[]) => {
    if (items.length) lines.push('', `${title}:`, ...items.map(itemLine))
  }
  section(dryRun ? 'To create' : 'Created', summary.created)
  section(dryRun ? 'To change (fields)' : 'Changed (fields)', summary.changed)
  section('Edited in the app, kept as edited (fields)', summary.editedInApp)
  section("The organisation's vision, values and ways of working", summary.organisation)
  section('No longer in the document, kept', summary.notInDocument)
  return lines.join('\n')
}

export function problemsText(problems: ImportProblem[]): string {
  return [
    `The plan cannot be imported: ${count(problems.length, 'problem')}. Nothing was written.`,
    ...problems.map((p) => `  ${p.path}: ${p.message}`),
  ].join('\n')
}
