import { definitionOf } from '../../../shared/changes'
import type { Mutation } from '../../../shared/sync/mutations'

/** A queued change in a sentence, for the list of changes on this device (each kind says it in its definition). */
export function describeChange(mutation: Mutation, titleOf: (id: string) => string): string {
  const { definition, data } = definitionOf(mutation)
  return definition.describe(data, titleOf)
}
