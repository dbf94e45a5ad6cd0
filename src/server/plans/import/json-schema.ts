import { z } from 'zod'
import { planDocumentSchema } from '../../../shared/plans/plan-document'

/** Where the committed schema lives, from the repository's root; `npm run schema` writes it. */
export const jsonSchemaPath = 'docs/plan-document.schema.json'

/**
 * The JSON Schema of the plan-document format, generated from the shared zod schema the
 * import checks with, as a document is written (fields with a default may be left out).
 * It cannot say everything the import checks: that text holds no NUL or half an emoji,
 * that a date is a real one, that keys are unique and name something (docs/plan-document.md).
 */
export function planDocumentJsonSchema(): string {
  const schema = z.toJSONSchema(planDocumentSchema, { io: 'input', unrepresentable: 'throw' })
  const described = {
    $schema: schema.$schema,
    title: 'Golden Thread plan document (golden-thread/plan@2)',
    description:
      'One plan, imported into an existing organisation. Generated from src/shared/plans/plan-document.ts by `npm run schema`; see docs/plan-document.md.',
    ...schema,
  }
  return `${JSON.stringify(described, null, 2)}\n`
}
