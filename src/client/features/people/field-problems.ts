import type { z } from 'zod'
import type { Problem } from '../../ui/form-problems'

export type Issue = { path: string | PropertyKey[]; message: string }

/**
 * Problems from a form's own check (zod's paths) or the server's refusal ("teamIds"), one per
 * field, in the order the form asks; `fieldIds` names the control each field's problem links to.
 */
export function fieldProblems(fieldIds: Record<string, string>, issues: readonly Issue[]): Problem[] {
  const seen = new Set<string>()
  const problems: Problem[] = []
  for (const issue of issues) {
    const key = Array.isArray(issue.path) ? String(issue.path[0] ?? '') : issue.path.split('.')[0]!
    const field = fieldIds[key]
    if (field && seen.has(field)) continue
    if (field) seen.add(field)
    problems.push(field ? { field, message: issue.message } : { message: issue.message })
  }
  const order = Object.values(fieldIds)
  return problems.sort((a, b) => order.indexOf(a.field ?? '') - order.indexOf(b.field ?? ''))
}

export const zodIssues = (error: z.ZodError): Issue[] =>
  error.issues.map((issue) => ({ path: issue.path, message: issue.message }))
