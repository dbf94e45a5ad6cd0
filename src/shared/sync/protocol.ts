import { z } from 'zod'
import { entityTypes, type EntityType, type Entity } from '../entities'
import { int8 } from '../pg-values'

import { defaultPullLimit, maxPullLimit } from './limits'
import { isEssential } from './essentials'

export { defaultPullLimit, maxPullLimit }

/**
 * What My team and the plan screens need: the organisation, its people and teams, its
 * plans with their themes, actions, measures, risks, outcomes, recommendations and
 * sections, assignments and surveys. A first sync asks for these first (`essentialsFirst`),
 * ahead of milestones, updates, evidence and history, which are most of the rows.
 */
export const essentialTypes = entityTypes.filter(isEssential)

const version = () => z.coerce.number().pipe(int8().nonnegative())

export const pullQuerySchema = z.object({
  // Compared with bigint versions.
  since: version().default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
  /** The essential records after `essentialsSince` come first, in version order; then, if the page has room, the rest. */
  essentialsFirst: z.stringbool().optional(),
  /** The device holds every essential record up to this version already: only later ones come. */
  essentialsSince: version().optional(),
})
export type PullQuery = z.infer<typeof pullQuerySchema>

export type Upsert = { [T in EntityType]: { type: T; op: 'put'; version: number; data: Entity<T> } }[EntityType]
export interface Removal {
  type: EntityType
  op: 'delete'
  version: number
  id: string
}
export type Change = Upsert | Removal

/** How far a first sync has got with the essential records. */
export interface EssentialsProgress {
  /** Every essential record up to this version is in the page or before it. */
  checkpoint: number
  /** All of them have come: from now on the page is in version order, as any pull. */
  complete: boolean
}

export interface PullResponse {
  changes: Change[]
  /**
   * Every change up to this version is in the page or before it; send it back as `since`.
   * In an ordinary page, the version of its last change.
   */
  checkpoint: number
  hasMore: boolean
  /** Only in answer to `essentialsFirst`; send its checkpoint back as `essentialsSince`. */
  essentials?: EssentialsProgress
}

export const entityTypeSchema = z.enum(entityTypes as [EntityType, ...EntityType[]])
