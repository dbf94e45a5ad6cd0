/** `npm run schema`: writes the plan document's JSON Schema from the shared zod schema. */
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { jsonSchemaPath, planDocumentJsonSchema } from './json-schema'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
await writeFile(`${root}${jsonSchemaPath}`, planDocumentJsonSchema())
console.log(`Wrote ${jsonSchemaPath}`)
