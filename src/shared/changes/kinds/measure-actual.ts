import { z } from 'zod'
import type { Measure } from '../../entities'
import { actualFigureSchema, type MeasureActual } from '../../plan-records'
import { canRecordFigures } from '../../permissions'
import { withActual } from '../../monitoring/measure-actuals'
import { measureStanding, type MeasureFigures } from '../../monitoring/measure-standing'
import { incomingWins } from '../../sync/status-rule'
import type { ChangeDefinition } from '../definition'
import { refuse } from '../decision'
import { envelope, id } from '../envelope'
import { recordedRecord } from '../plan-record-checks'

/** A figure for one period of a measure, recorded by its owner or a plan admin, offline like any change. */
export const measureActualSchema = z.object({
  ...envelope,
  kind: z.literal('measure.actual'),
  data: z.object({
    measureId: id,
    ...actualFigureSchema.pick({ value: true, note: true, source: true }).shape,
    period: actualFigureSchema.shape.period.min(1, 'Say which period the figure is for.'),
  }),
})
type Data = z.infer<typeof measureActualSchema>['data']

/** The figure as the measure keeps it: what was recorded, by whom and when. */
const figureOf = (data: Data, recordedBy: string, recordedAt: string): MeasureActual => ({
  period: data.period,
  value: data.value,
  ...(data.note ? { note: data.note } : {}),
  ...(data.source ? { source: data.source } : {}),
  recordedBy,
  recordedAt,
})

/**
 * Why a figure cannot stand as it is: it is red against its target and has no note saying what
 * is being done about it. The device asks the same before queueing, in the same words.
 */
export function redWithoutNote(
  measure: MeasureFigures,
  figure: Pick<MeasureActual, 'period' | 'value' | 'note'>,
  today: string,
): string | undefined {
  // This figure itself, whichever period it corrects.
  const standing = measureStanding({ ...measure, actuals: [figure] }, today)
  if (standing.kind !== 'rated' || standing.rag !== 'red' || figure.note?.trim()) return undefined
  return `This figure is red against its target of ${standing.target}: add a note saying what is being done about it.`
}

export const measureActual: ChangeDefinition<Data> = {
  createsId: () => undefined,
  subject: (data) => data.measureId,
  refers(data, refs) {
    refs.planRecordIds.add(data.measureId)
    refs.editedRecordIds.add(data.measureId)
  },
  decide(data, { who, context, madeAt, mutationId }) {
    const found = recordedRecord<Measure>(context, data.measureId, 'measure', (m) => canRecordFigures(who, m), {
      missing: 'This measure is not in your organisation’s plans.',
      notAllowed: 'Only the measure’s owner or a plan admin can record its figures.',
      archived: 'This measure is archived. Restore it to record its figures.',
    })
    if ('refusal' in found) return refuse(found.refusal)
    const { target, record: measure } = found
    const previous = measure.actuals.find((actual) => actual.period === data.period)
    const history = {
      actionId: null,
      entityType: 'measure',
      entityId: data.measureId,
      change: 'measure.actual',
      details: { period: data.period, value: data.value, previous: previous?.value ?? null },
    }
    // Two people correcting one period's figure: the one made most recently stands, as with a status.
    const current = previous?.recordedAt ? { madeAt: previous.recordedAt, mutationId: '' } : undefined
    if (!incomingWins({ madeAt, mutationId }, current))
      return {
        outcome: 'superseded',
        reason: 'A more recent figure for this period stands.',
        writes: [],
        history,
      }
    const recorded = figureOf(data, who.id, madeAt)
    const unexplained = redWithoutNote(measure, recorded, madeAt.slice(0, 10))
    if (unexplained) return refuse(unexplained)
    const actuals = withActual(measure.actuals, recorded)
    target.record.actuals = actuals
    return {
      outcome: 'applied',
      writes: [{ kind: 'update', entity: 'measure', id: data.measureId, fields: { actuals } }],
      history,
    }
  },
  onDevice: (data, copy, { authorId, madeAt }) => copy.recordActual(data.measureId, figureOf(data, authorId, madeAt)),
  // The figures before it are the server's: the next pull brings them back.
  undo: (_data, copy) => copy.pullEverythingAgain(),
  describe: (data, titleOf) => `Figure for “${titleOf(data.measureId)}”, ${data.period}: ${data.value}`,
}
