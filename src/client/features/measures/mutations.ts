import type { Measure } from '../../../shared/entities'
import { measureActualSchema, redWithoutNote } from '../../../shared/changes/kinds/measure-actual'
import type { Problem } from '../../ui/form-problems'
import { localDb } from '../../db/database'
import { queueChange } from '../../sync/outbox'
import { sendSoon } from '../../sync/send-soon'
import { fieldProblems } from '../people/field-problems'

/** The figure form as typed: every field a string, the value not yet read as a number. */
export interface FigureInput {
  period: string
  value: string
  note: string
  source: string
}

/** The id of each field of the figure form, in its order, for the error summary's links. */
export const figureFieldIds = {
  period: 'figure-period',
  value: 'figure-value',
  note: 'figure-note',
  source: 'figure-source',
} as const

export type Recorded = { ok: true } | { ok: false; problems: Problem[] }

/** "1,250", " 16.5 " and "16%" are the numbers people mean; anything else is not a number. */
function numberOf(typed: string): number {
  const plain = typed.replace(/[,\s]/g, '').replace(/%$/, '')
  return plain === '' ? Number.NaN : Number(plain)
}

/**
 * A figure for one period of a measure, checked on the device as the server checks it (the
 * kind's schema, and a red figure needs a note), then queued: it shows at once, offline too.
 */
export async function recordFigure(
  personId: string,
  measure: Measure,
  input: FigureInput,
  today: string,
): Promise<Recorded> {
  const value = numberOf(input.value)
  const own =
    input.value.trim() === ''
      ? [{ path: ['value'], message: 'Enter the figure.' }]
      : Number.isFinite(value)
        ? []
        : [{ path: ['value'], message: 'Enter the figure as a number, like 16 or 16.5.' }]
  const checked = measureActualSchema.shape.data.safeParse({
    measureId: measure.id,
    period: input.period.trim(),
    value,
    note: input.note.trim() || undefined,
    source: input.source.trim() || undefined,
  })
  const issues = [...own, ...(checked.success ? [] : checked.error.issues)]
  if (!checked.success || issues.length) return { ok: false, problems: fieldProblems(figureFieldIds, issues) }
  const unexplained = redWithoutNote(measure, checked.data, today)
  if (unexplained) return { ok: false, problems: [{ field: figureFieldIds.note, message: unexplained }] }
  await queueChange(localDb, personId, { kind: 'measure.actual', data: checked.data })
  sendSoon()
  return { ok: true }
}
