import { z } from 'zod'

/**
 * What `POST /api/plans/import` and `…/import/preview` take, as JSON: either a plan document
 * itself (docs/plan-document.md), or this envelope for a spreadsheet, its bytes in base64
 * beside the plan's fields a spreadsheet cannot say (a CSV has no Plan sheet).
 */
export const spreadsheetUploadSchema = z.strictObject({
  spreadsheet: z.strictObject({
    format: z.enum(['csv', 'xlsx']),
    content: z.base64('The spreadsheet comes as base64.'),
  }),
  /** Key, title, kind, status, period, version label, source: checked field by field by the spreadsheet reader. */
  plan: z.record(z.string(), z.unknown()).optional(),
})
export type SpreadsheetUpload = z.infer<typeof spreadsheetUploadSchema>

export const isSpreadsheetUpload = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && 'spreadsheet' in body
