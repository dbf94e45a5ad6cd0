import { z } from 'zod'
import { planKinds, planStatuses } from '../../../shared/entities'
import { cellProblems, cellText, isBlankRow, textRefusal, type Cell, type Table } from './cells'
import { headerForm, planFields, planSheet, planSheetHeaders, type PlanFieldId } from './columns'
import { readExactDate } from './dates'
import { slug } from './keys'
import type { Origins } from './origins'
import { formatPath, problemAt, type Place, type SpreadsheetProblem } from './problems'

/** The plan's fields as the caller gives them (from the Import screen or the command line), in the document's words. */
export const planOptionsSchema = z.strictObject({
  key: z.string().optional(),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  kind: z.string().optional(),
  status: z.string().optional(),
  periodText: z.string().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  versionLabel: z.string().optional(),
  source: z.string().optional(),
})
export type PlanOptions = z.infer<typeof planOptionsSchema>

/** The caller's options, each refusal reported; the fields that are fine are still read, for their problems too. */
export function readPlanOptions(input: unknown, problems: SpreadsheetProblem[]): PlanOptions {
  const checked = planOptionsSchema.safeParse(input ?? {})
  if (checked.success) return checked.data
  for (const issue of checked.error.issues)
    problems.push({ path: formatPath(['plan', ...issue.path]), message: issue.message })
  const given = typeof input === 'object' && input !== null ? Object.entries(input) : []
  return Object.fromEntries(
    given.filter(([name, value]) => name in planOptionsSchema.shape && typeof value === 'string'),
  )
}

type PlanField = (typeof planFields)[number]
type Read = { value: string } | { refusal: string }

const needed: PlanFieldId[] = ['title', 'kind', 'status', 'versionLabel', 'source']

/** "Business plan", "business-plan" and "BUSINESS PLAN" all name the kind `business-plan`. */
function choice(values: readonly string[], cell: Cell, what: string, words: string): Read {
  const form = headerForm(cell.text).replace(/[\s_]+/g, '-')
  return values.includes(form)
    ? { value: form }
    : { refusal: `"${cell.text}" is not a ${what}. It is one of: ${words}.` }
}

function read(field: PlanField, cell: Cell): Read {
  const refusal = textRefusal(cell.text)
  if (refusal) return { refusal }
  if (field.id === 'kind')
    return choice(planKinds, cell, 'kind of plan', 'Business plan, Improvement plan, Framework, Service plan')
  if (field.id === 'status') return choice(planStatuses, cell, 'status', 'Draft, Approved, Superseded, Archived')
  if (field.id === 'periodStart' || field.id === 'periodEnd') {
    const date = readExactDate(cell)
    return date ? { value: date } : { refusal: `"${cell.text}" is not a date: write the day, such as 01/04/2017.` }
  }
  return { value: cell.text }
}

interface OnSheet {
  cell: Cell
  place: Place
}

/** Reads the Plan sheet: a header row (Field, Value), then one row per field. */
function readPlanSheet(table: Table, problems: SpreadsheetProblem[]): Map<PlanFieldId, OnSheet> {
  const given = new Map<PlanFieldId, OnSheet>()
  const at = (row: number, column: number): Place => ({
    sheet: table.sheet,
    row,
    column,
    header: planSheetHeaders[column],
  })
  table.rows.forEach((cells, index) => {
    const row = index + 1
    cells.forEach((cell, column) => {
      if (column >= planSheetHeaders.length && cell.text) {
        problems.push(
          problemAt(at(row, column), 'The Plan sheet has two columns, Field and Value; write nothing beside them.'),
        )
      } else if (column === 0) problems.push(...cellProblems(cell, at(row, column)))
    })
    if (index === 0) {
      planSheetHeaders.forEach((header, column) => {
        if (headerForm(cells[column]?.text ?? '') === headerForm(header)) return
        problems.push(
          problemAt(
            at(1, column),
            `The Plan sheet's first row holds the headers Field and Value: this cell should say "${header}".`,
          ),
        )
      })
      return
    }
    if (isBlankRow(cells)) return
    const label = cells[0]?.text ?? ''
    const field = planFields.find((f) => headerForm(f.label) === headerForm(label))
    if (!field) {
      const labels = planFields.map((f) => f.label).join(', ')
      problems.push(problemAt(at(row, 0), `"${label}" is not a field of the Plan sheet. The fields are: ${labels}.`))
    } else if (given.has(field.id)) {
      problems.push(problemAt(at(row, 0), `${field.label} is given twice on the Plan sheet: give it once.`))
    } else {
      given.set(field.id, { cell: cells[1] ?? { text: '' }, place: at(row, 1) })
    }
  })
  return given
}

/**
 * The plan part of the document, from the Plan sheet and the caller's options (a CSV has
 * no Plan sheet, so its plan comes with the import). Where both give a field they must
 * agree. The plan's key is made from its title unless the caller names it.
 */
export function readPlanFields(
  sheet: Table | undefined,
  options: PlanOptions,
  format: 'csv' | 'xlsx',
  origins: Origins,
  problems: SpreadsheetProblem[],
): Record<string, string> {
  const fromSheet = sheet ? readPlanSheet(sheet, problems) : new Map<PlanFieldId, OnSheet>()
  const plan: Record<string, string> = {}
  for (const field of planFields) {
    const path = `plan.${field.id}`
    const onSheet = fromSheet.get(field.id)
    const report = (message: string, place = onSheet?.place) =>
      problems.push(place ? problemAt(place, message, path) : { path, message })
    const sheetRead = onSheet?.cell.text ? read(field, onSheet.cell) : undefined
    const option = options[field.id]
    const optionRead = option?.trim() ? read(field, cellText(option)) : undefined
    if (sheetRead && 'refusal' in sheetRead) report(sheetRead.refusal)
    if (optionRead && 'refusal' in optionRead) report(`${optionRead.refusal} (given with the import)`, undefined)
    if (
      sheetRead &&
      'value' in sheetRead &&
      optionRead &&
      'value' in optionRead &&
      sheetRead.value !== optionRead.value
    ) {
      report(`The Plan sheet gives ${field.label} as "${onSheet?.cell.text}" but the import gives "${option}".`)
    }
    const value = [sheetRead, optionRead].find((r) => r && 'value' in r)
    if (value && 'value' in value) {
      plan[field.id] = value.value
      if (sheetRead === value && onSheet) origins.set(path, onSheet.place)
    } else if (!sheetRead && !optionRead && needed.includes(field.id)) {
      const where =
        format === 'csv'
          ? "a CSV holds only the plan's items, so it comes with the import"
          : onSheet
            ? 'write it in the Value column'
            : `write it on the ${planSheet} sheet, in a row "${field.label}"`
      report(`The plan's ${field.label} is needed: ${where}.`)
    }
  }
  const key = options.key ?? (plan.title ? slug(plan.title) : undefined)
  return key === undefined ? plan : { key, ...plan }
}
