import type { Table } from 'dexie'
import type { EditableType } from '../../shared/plans/editable-records'
import type { LocalDatabase } from './database'

/** The device's table of each plan record type a plan admin edits. */
export const planTables = (db: LocalDatabase): Record<EditableType, Table<Record<string, unknown>, string>> =>
  ({
    plan: db.plans,
    theme: db.themes,
    action: db.actions,
    milestone: db.milestones,
    measure: db.measures,
    risk: db.risks,
    recommendation: db.recommendations,
    outcome: db.outcomes,
  }) as unknown as Record<EditableType, Table<Record<string, unknown>, string>>
