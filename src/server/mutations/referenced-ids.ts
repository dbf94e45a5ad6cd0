import { definitionOf } from '../../shared/changes'
import { noReferences, type References } from '../../shared/changes/references'
import type { Mutation } from '../../shared/sync/mutations'

/** Every id a batch of mutations refers to, by what it is, so the batch's context is read in one query per kind. */
export function referencedIds(mutations: Mutation[]): References {
  const refs = noReferences()
  for (const mutation of mutations) {
    const { definition, data } = definitionOf(mutation)
    definition.refers(data, refs)
  }
  return refs
}
