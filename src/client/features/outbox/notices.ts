import type { HistoryEntry } from '../../../shared/entities'

export interface NotKept {
  mine: HistoryEntry
  winner: HistoryEntry | undefined
}

/**
 * A person's status changes that did not stand: refused as older when they arrived
 * (superseded), or applied and later overtaken by someone else's more recent change.
 * Both cases follow the rule in src/shared/sync/status-rule.ts.
 */
export function notKeptChanges(
  history: HistoryEntry[],
  personId: string,
  currentMutationOf: (entityId: string) => string | null | undefined,
): NotKept[] {
  const statusChanges = history.filter((h) => h.change === 'status.set')
  const latestBy = (entityId: string) =>
    statusChanges
      .filter((h) => h.entityId === entityId && h.outcome === 'applied')
      .sort((a, b) => Date.parse(b.madeAt) - Date.parse(a.madeAt))[0]
  return statusChanges
    .filter((h) => h.personId === personId)
    .filter((h) => h.outcome === 'superseded' || currentMutationOf(h.entityId) !== h.mutationId)
    .map((mine) => ({ mine, winner: latestBy(mine.entityId) }))
    .filter(
      ({ mine, winner }) =>
        winner !== undefined && winner.personId !== personId && winner.mutationId !== mine.mutationId,
    )
    .sort((a, b) => Date.parse(b.mine.madeAt) - Date.parse(a.mine.madeAt))
}
