import type { Ref } from 'vue'
import type { Action, Measure, Person, Plan, Role, Theme } from '../../../shared/entities'
import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan } from '../../db/archived'
import { planShownTo } from '../plan/plan-order'

export interface MeasurePage {
  measure: Measure
  plan: Plan | undefined
  /** The themes and projects it measures, still in the plan. */
  themes: Theme[]
  actions: Action[]
  owner: Person | undefined
  /** The names of the people who recorded its figures, by id. */
  recorders: Map<string, string>
  /** The periods whose figure, recorded on this device, is still waiting to be sent. */
  waitingPeriods: Set<string>
}

const present = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined)

/** One measure as its page reads it from the device; none when it is not there, or its plan is a draft kept from this role. */
export async function loadMeasurePage(
  db: LocalDatabase,
  id: string,
  role: Role | undefined,
): Promise<MeasurePage | undefined> {
  const measure = await db.measures.get(id)
  if (!measure) return undefined
  const recorderIds = [...new Set(present(measure.actuals.map((actual) => actual.recordedBy)))]
  const [plan, themes, actions, owner, recorders, waiting] = await Promise.all([
    db.plans.get(measure.planId),
    db.themes.bulkGet(measure.themeIds),
    db.actions.bulkGet(measure.actionIds),
    measure.ownerPersonId ? db.people.get(measure.ownerPersonId) : undefined,
    db.people.bulkGet(recorderIds),
    db.outbox.where('state').equals('waiting').toArray(),
  ])
  if (plan && !planShownTo(plan, role)) return undefined
  const waitingPeriods = new Set(
    waiting.flatMap(({ mutation }) =>
      mutation.kind === 'measure.actual' && mutation.data.measureId === id ? [mutation.data.period] : [],
    ),
  )
  return {
    measure,
    plan,
    themes: inPlan(present(themes)),
    actions: inPlan(present(actions)),
    owner,
    recorders: new Map(present(recorders).map((person) => [person.id, person.name])),
    waitingPeriods,
  }
}

export const useMeasurePage = (input: Ref<{ id: string; role: Role | undefined }>) =>
  useLiveQuery(({ id, role }) => loadMeasurePage(localDb, id, role), input)
