import { definitionOf } from '../../shared/changes'
import type { BatchContext } from '../../shared/changes/batch-context'
import { refuse, type Decision } from '../../shared/changes/decision'
import type { Mutation } from '../../shared/sync/mutations'
import { effectiveMadeAt } from '../../shared/sync/status-rule'
import type { Viewer } from '../auth/viewer'

/**
 * Decides one mutation against the batch context by its kind's definition
 * (src/shared/changes/kinds/), which updates the context with its effect, so later
 * mutations of the same batch see it (two status changes in one push).
 */
export function decide(mutation: Mutation, viewer: Viewer, context: BatchContext, receivedAt: string): Decision {
  const { definition, data } = definitionOf(mutation)
  const created = definition.createsId(data)
  if (created && context.takenIds.has(created))
    return refuse('A record with this id already exists, so this change cannot be added again.')
  const decision = definition.decide(data, {
    who: viewer.person,
    context,
    mutationId: mutation.id,
    madeAt: effectiveMadeAt(mutation.madeAt, receivedAt),
    receivedAt,
  })
  // The record id is spoken for only once its change is accepted.
  if (created && decision.outcome !== 'refused') context.takenIds.add(created)
  return decision
}
