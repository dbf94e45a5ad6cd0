import type { Action, Evidence, Measure, Milestone, Plan, ProgressUpdate, Risk, Theme } from '../entities'

/**
 * One plan's records as monitoring reads them: what the board's dashboard rolls up and the
 * quarterly report is built from. The device fills it from IndexedDB and the server from
 * PostgreSQL, so a report built offline and one locked on the server agree.
 * Archived records are left out by whoever fills it.
 */
export interface MonitoringRecords {
  plan: Plan
  themes: Theme[]
  actions: Action[]
  milestones: Milestone[]
  measures: Measure[]
  risks: Risk[]
  /** Every progress update of the plan's actions, in any order. */
  progressUpdates: ProgressUpdate[]
  evidence: Evidence[]
}
