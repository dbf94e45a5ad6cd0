/** One problem with a form, as the error summary lists it: `field` is the id of the control it links to. */
export interface Problem {
  field?: string
  message: string
}

/** The id of the inline error beside the control with id `field`. */
export const errorIdOf = (field: string) => `${field}-error`

/** Each field's problem by the field's id, for the inline errors. */
export const problemsByField = (problems: readonly Problem[]): Record<string, string | undefined> =>
  Object.fromEntries(problems.flatMap((problem) => (problem.field ? [[problem.field, problem.message]] : [])))

/** An aria-describedby value from the ids that apply (a hint, an inline error), or none at all. */
export const describedBy = (...ids: (string | false | null | undefined)[]): string | undefined =>
  ids.filter(Boolean).join(' ') || undefined

/** The attributes that tie a control to its inline error, when it has one (and to its hint). */
export const errorAttributes = (problemFor: Record<string, string | undefined>, field: string, hint?: string) => ({
  'aria-invalid': problemFor[field] ? ('true' as const) : undefined,
  'aria-describedby': describedBy(hint, problemFor[field] && errorIdOf(field)),
})
