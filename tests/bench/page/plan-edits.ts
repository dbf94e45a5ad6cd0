import type { LocalDatabase } from '../../../src/client/db/database'
import { queueChange } from '../../../src/client/sync/outbox'
import { readOnlyPlanStatuses } from '../../../src/shared/plans/editable-records'

export interface EditsRun {
  ms: number
  queued: number
  byType: Record<string, number>
}

/**
 * A plan admin working through the plan with no connection: `total` changes, each to a
 * different record (measures' targets, themes' focus, actions' deadlines, milestones'
 * dates, then new milestones), queued through the real outbox. Nothing here makes a request.
 */
export async function queueEdits(db: LocalDatabase, personId: string, total: number, round: number): Promise<EditsRun> {
  const open = new Set(
    (await db.plans.toArray()).filter((plan) => !readOnlyPlanStatuses.has(plan.status)).map((plan) => plan.id),
  )
  const actions = (await db.actions.toArray()).filter((a) => open.has(a.planId))
  const openActions = new Set(actions.map((a) => a.id))
  const milestones = (await db.milestones.toArray()).filter((m) => openActions.has(m.actionId))
  const themes = (await db.themes.toArray()).filter((t) => open.has(t.planId))
  const measures = (await db.measures.toArray()).filter((m) => open.has(m.planId))
  const edits = [
    ...measures.map((m, i) => ({
      type: 'measure' as const,
      id: m.id,
      fields: { targets: [{ value: 50 + i + round, by: '2027-03-31' }] },
    })),
    ...themes.map((t) => ({
      type: 'theme' as const,
      id: t.id,
      fields: { focus: [...t.focus.slice(0, 3), `Reviewed at board meeting ${round}`] },
    })),
    ...actions.map((a, i) => ({
      type: 'action' as const,
      id: a.id,
      fields: { deadlineText: `By March 2027 (${i}, round ${round})`, dueDate: '2027-03-31' },
    })),
    ...milestones.map((m) => ({ type: 'milestone' as const, id: m.id, fields: { dueDate: `2027-06-${10 + round}` } })),
  ].slice(0, total)
  // A small organisation's plan has fewer records than that: the rest are new milestones, made as a plan admin adds them.
  const made = Array.from({ length: total - edits.length }, (_, i) => ({
    type: 'milestone' as const,
    id: crypto.randomUUID(),
    fields: {
      actionId: actions[i % actions.length]!.id,
      title: `Checkpoint ${i + 1}`,
      dueDate: '2027-09-30',
      position: 100 + i,
    },
  }))
  const byType: Record<string, number> = {}
  const start = performance.now()
  for (const edit of edits) {
    await queueChange(db, personId, { kind: 'record.edit', data: edit })
    byType[`${edit.type} edited`] = (byType[`${edit.type} edited`] ?? 0) + 1
  }
  for (const record of made) await queueChange(db, personId, { kind: 'record.create', data: record })
  if (made.length) byType['milestone made'] = made.length
  return { ms: performance.now() - start, queued: edits.length, byType }
}
