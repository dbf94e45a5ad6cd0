import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Database } from '../db/database'
import type { ImportSummary } from '../../shared/plans/import-summary'
import { isSpreadsheetUpload, spreadsheetUploadSchema } from '../../shared/plans/import-request'
import { HttpError, parseInput } from '../http/errors'
import { requireViewer, viewerOf, type Viewer } from '../auth/viewer'
import { ImportRefused } from '../plans/import/document-checks'
import { importPlan } from '../plans/import/import-plan'
import { planDocumentOf, type IncomingPlan } from '../plans/import/incoming'
import { planSpreadsheetTemplate } from '../plans/spreadsheet'

// A plan document of a few megabytes, or a 5 MB spreadsheet (the most the reader takes) in base64.
const bodyLimit = 8 * 1024 * 1024
// A document wrong throughout would list thousands; the first hundred say what to fix.
const problemsShown = 100

function refusal(error: ImportRefused): HttpError {
  const { problems } = error
  const more = problems.length - problemsShown
  const shown =
    more > 0
      ? [
          ...problems.slice(0, problemsShown),
          { path: '(the document)', message: `…and ${more} more problems. Fix these first.` },
        ]
      : problems
  return new HttpError(422, 'import_refused', error.message, shown)
}

function adminOf(request: FastifyRequest): Viewer {
  const viewer = viewerOf(request)
  if (viewer.person.role !== 'admin') throw new HttpError(403, 'forbidden', 'Only a plan admin can import a plan.')
  return viewer
}

function incomingOf(body: unknown): IncomingPlan {
  if (!isSpreadsheetUpload(body)) return { document: body }
  const upload = parseInput(spreadsheetUploadSchema, body)
  const bytes = new Uint8Array(Buffer.from(upload.spreadsheet.content, 'base64'))
  return { spreadsheet: { format: upload.spreadsheet.format, bytes, plan: upload.plan } }
}

/**
 * For plan admins: a plan document or spreadsheet imported into their own organisation,
 * or previewed (nothing written), in one transaction. A refusal is 422 with every problem
 * and where it is; what the person sent is never logged.
 */
export function planImportRoutes(db: Database) {
  const run = async (request: FastifyRequest, dryRun: boolean): Promise<ImportSummary> => {
    const admin = adminOf(request)
    try {
      const document = await planDocumentOf(incomingOf(request.body))
      return await db.transaction((tx) =>
        importPlan(tx, { orgId: admin.orgId, document, importedBy: admin.person.id, dryRun }),
      )
    } catch (error) {
      if (error instanceof ImportRefused) throw refusal(error)
      throw error
    }
  }

  return async (app: FastifyInstance) => {
    app.addHook('preHandler', requireViewer(db))
    app.post('/plans/import/preview', { bodyLimit }, (request) => run(request, true))
    app.post('/plans/import', { bodyLimit }, (request) => run(request, false))
    for (const format of ['csv', 'xlsx'] as const) {
      app.get(`/plans/import/template.${format}`, async (request, reply) => {
        adminOf(request)
        const template = await planSpreadsheetTemplate(format)
        return reply
          .header('content-type', template.contentType)
          .header('content-disposition', `attachment; filename="${template.fileName}"`)
          .send(Buffer.from(template.bytes))
      })
    }
  }
}
