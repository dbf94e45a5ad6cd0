/**
 * The spreadsheet form of a plan: the common case of themes, actions, milestones and their
 * leads, as CSV or XLSX, read into a plan document for the importer; and its template.
 */
export { parsePlanSpreadsheet, type ParseOptions, type ParseResult, type SpreadsheetFormat } from './parse'
export { planSpreadsheetTemplate, type SpreadsheetTemplate } from './template'
export type { PlanOptions } from './plan-fields'
export type { SpreadsheetProblem } from './problems'
export { spreadsheetLimits } from './limits'
