import { z } from 'zod'
import { entityTypes, type EntityType, type Entity } from '../entities'
import { int8 } from '../pg-values'

import { defaultPullLimit, maxPullLimit } from './limits'

export { defaultPullLimit, maxPullLimit }

export const pullQuerySchema = z.object({
  // Compared with bigint versions.
  since: z.coerce.number().pipe(int8().nonnegative()).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
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

export interface PullResponse {
  changes: Change[]
  /** The version of the last change in this page; send it back as `since`. */
  checkpoint: number
  hasMore: boolean
}

export const entityTypeSchema = z.enum(entityTypes as [EntityType, ...EntityType[]])
