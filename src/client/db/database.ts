import Dexie, { type EntityTable, type Table } from 'dexie'
import type {
  Action,
  Area,
  Assignment,
  Attachment,
  EntityType,
  Evidence,
  HistoryEntry,
  Measure,
  Milestone,
  Organisation,
  Outcome,
  Person,
  Plan,
  ProgressUpdate,
  Recommendation,
  Risk,
  Section,
  Team,
  Theme,
  Value,
} from '../../shared/entities'
import type { OutboxEntry, PendingUpload } from '../sync/outbox-types'
import type { Survey } from '../../shared/surveys'
import type { SurveyResults } from '../../shared/survey-results'
import type { Reminder } from '../../shared/reminders'
import type { ReportLock } from '../../shared/monitoring/report-locks'
import { searchTextOf } from './search-text'

/** A record as kept on the device: the server's record plus what the device derives from it. */
export type Searchable<T> = T & { searchText: string }

export interface MetaRow {
  key: string
  value: unknown
}

/** One action's records of one kind, kept as one row (see version 7). */
export interface ActionGroup<T> {
  /** The action's id, or `noActionKey` for history of records outside any action. */
  actionId: string
  entries: T[]
}

/** History grouped by action, with the ids its readers look entries up by. */
export interface HistoryGroup extends ActionGroup<HistoryEntry> {
  personIds: string[]
  entityIds: string[]
}

export type UpdateGroup = ActionGroup<ProgressUpdate>

/** Kept beside the checkpoint only while a first sync has essential records past it (see protocol.ts). */
export const essentialsKey = 'essentialsCheckpoint'

/** The group key of history with no action (an IndexedDB key cannot be null). */
export const noActionKey = ''

export class LocalDatabase extends Dexie {
  meta!: Table<MetaRow, string>
  organisations!: EntityTable<Organisation, 'id'>
  values!: EntityTable<Value, 'id'>
  areas!: EntityTable<Area, 'id'>
  teams!: EntityTable<Team, 'id'>
  people!: EntityTable<Person, 'id'>
  plans!: EntityTable<Plan, 'id'>
  themes!: EntityTable<Searchable<Theme>, 'id'>
  actions!: EntityTable<Searchable<Action>, 'id'>
  milestones!: EntityTable<Searchable<Milestone>, 'id'>
  measures!: EntityTable<Measure, 'id'>
  risks!: EntityTable<Risk, 'id'>
  outcomes!: EntityTable<Outcome, 'id'>
  recommendations!: EntityTable<Recommendation, 'id'>
  sections!: EntityTable<Section, 'id'>
  assignments!: EntityTable<Assignment, 'id'>
  updatesByAction!: Table<UpdateGroup, string>
  evidence!: EntityTable<Evidence, 'id'>
  attachments!: EntityTable<Attachment, 'id'>
  historyByAction!: Table<HistoryGroup, string>
  outbox!: Table<OutboxEntry, number>
  uploads!: EntityTable<PendingUpload, 'id'>
  surveys!: EntityTable<Survey, 'id'>
  reminders!: EntityTable<Reminder, 'id'>
  reportLocks!: EntityTable<ReportLock, 'id'>
  /** Answers being written, saved on every change so nothing typed is lost. */
  surveyDrafts!: Table<{ surveyId: string; answers: Record<string, number | string>; savedAt: string }, string>
  /** Surveys this person has sent an answer to from this device. */
  answeredSurveys!: Table<{ surveyId: string }, string>
  /** The last results fetched for each survey, to read again offline. */
  surveyResults!: Table<{ surveyId: string; results: SurveyResults; fetchedAt: string }, string>

  constructor(name = 'golden-thread') {
    super(name)
    this.version(1).stores({
      meta: 'key',
      organisations: 'id',
      values: 'id, position',
      areas: 'id, position',
      teams: 'id, areaId',
      people: 'id',
      plans: 'id',
      themes: 'id, planId, position',
      actions: 'id, themeId, *areaIds, leadTeamId, code',
      milestones: 'id, actionId, dueDate',
      measures: 'id, planId',
      risks: 'id, planId',
      assignments: 'id, actionId, milestoneId, personId, teamId',
    })
    // Version 2 keeps a lower-cased copy of each searchable record's text, so a search
    // scans ready strings instead of lower-casing 20,000 records on every keystroke.
    // Devices that synced under version 1 get it computed here, without a new pull.
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
        for (const table of ['themes', 'actions', 'milestones'] as const) {
          await tx
            .table(table)
            .toCollection()
            .modify((record: Record<string, unknown>) => {
              record.searchText = searchTextOf(record)
            })
        }
      })
    // Version 3: field delivery. Synced updates, evidence and history; the outbox of
    // changes made on this device; the bytes of photos and files waiting to upload.
    this.version(3).stores({
      progressUpdates: 'id, actionId, madeAt',
      evidence: 'id, actionId, milestoneId',
      attachments: 'id, evidenceId',
      history: 'id, actionId, entityId, personId',
      outbox: '++seq, &id, state',
      uploads: 'id, mutationId',
    })
    // Version 4: staff surveys, drafts of answers, and results kept for offline reading.
    this.version(4).stores({
      surveys: 'id, opensOn',
      surveyDrafts: 'surveyId',
      answeredSurveys: 'surveyId',
      surveyResults: 'surveyId',
    })
    // Version 5 drops indexes no query uses: each one costs time on every write, and a
    // first pull writes tens of thousands of milestones.
    this.version(5).stores({
      milestones: 'id, actionId',
      progressUpdates: 'id, actionId',
    })
    // Version 6: every real plan's shape. Several plans, so themes and actions are found by
    // plan; outcomes, recommendations and sections; and the golden thread walked down from
    // an outcome or a recommendation by the multi-entry indexes of the ids that name them.
    // The server's migration reshaped plans, themes, actions, milestones, measures and risks
    // without new versions, so the device pulls everything again from the start.
    this.version(6)
      .stores({
        themes: 'id, planId, position, *outcomeIds, *recommendationIds',
        actions: 'id, planId, themeId, *areaIds, leadTeamId, code, *outcomeIds, *recommendationIds',
        outcomes: 'id, position',
        recommendations: 'id, planId',
        sections: 'id, planId',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').put({ key: 'checkpoint', value: 0 })
      })
    // Version 7 keeps history and progress updates as one row per action instead of one per
    // record: a first sync is bounded by IndexedDB rows written (about 0.1 ms each), and half
    // of a large organisation's records are these. The old rows go, and the device pulls
    // everything again from the start to fill the new tables.
    this.version(7)
      .stores({
        history: null,
        progressUpdates: null,
        historyByAction: 'actionId, *personIds, *entityIds',
        updatesByAction: 'actionId',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').put({ key: 'checkpoint', value: 0 })
        await tx.table('meta').delete(essentialsKey)
      })
    // Version 8: reminders from a plan admin, found by the person reminded. A new type, so no
    // record the device holds needs pulling again.
    this.version(8).stores({ reminders: 'id, personId' })
    // Version 9: quarters a plan admin locked, with the report as issued, found by plan. A new
    // type, so nothing the device holds needs pulling again.
    this.version(9).stores({ reportLocks: 'id, planId' })
  }
}

/** The table each record type of a pull lands in. */
export const tableFor: Record<EntityType, keyof LocalDatabase & string> = {
  organisation: 'organisations',
  value: 'values',
  area: 'areas',
  team: 'teams',
  person: 'people',
  plan: 'plans',
  theme: 'themes',
  action: 'actions',
  milestone: 'milestones',
  measure: 'measures',
  risk: 'risks',
  outcome: 'outcomes',
  recommendation: 'recommendations',
  section: 'sections',
  assignment: 'assignments',
  progressUpdate: 'updatesByAction',
  evidence: 'evidence',
  attachment: 'attachments',
  history: 'historyByAction',
  survey: 'surveys',
  reminder: 'reminders',
  reportLock: 'reportLocks',
}

export const searchableTypes = new Set<EntityType>(['theme', 'action', 'milestone'])

export const localDb = new LocalDatabase()
