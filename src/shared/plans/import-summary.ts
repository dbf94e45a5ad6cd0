/** What an import (or its preview) tells the plan admin; the server's answer to both. */
export type ImportedRecordKind =
  | 'organisation'
  | 'value'
  | 'area'
  | 'outcome'
  | 'plan'
  | 'recommendation'
  | 'theme'
  | 'action'
  | 'milestone'
  | 'measure'
  | 'risk'
  | 'section'

export interface ImportItem {
  kind: ImportedRecordKind
  key: string
  label: string
  /** For a changed record, the fields that change. */
  fields?: string[]
}

export type ItemWithFields = ImportItem & { fields: string[] }

export interface ImportProblem {
  /** Where in the document: `actions[3].leads[0].role`. */
  path: string
  message: string
}

export interface ImportSummary {
  planId: string
  planTitle: string
  /** Whether an earlier import made this plan: this one then updates it. */
  planExisted: boolean
  created: ImportItem[]
  changed: ImportItem[]
  unchanged: number
  /** Records with fields the document gives otherwise but a plan admin has edited in the app: those keep the app's value. */
  editedInApp: ItemWithFields[]
  /** Records an earlier import made that this document no longer has: kept, not deleted. */
  notInDocument: ImportItem[]
  /** The organisation's vision, values and ways of working this document changes. */
  organisation: ImportItem[]
}
