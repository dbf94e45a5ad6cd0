import type { Mutation } from '../../shared/sync/mutations'

/**
 * A change made on this device, waiting to reach the server. `seq` orders the outbox;
 * `id` is the mutation id the server deduplicates on, so sending it again is safe.
 */
export interface OutboxEntry {
  seq?: number
  id: string
  personId: string
  mutation: Mutation
  /** `waiting` until the server acknowledges it; `refused` keeps it, with the reason, for the person to deal with. */
  state: 'waiting' | 'refused'
  reason?: string
  attempts: number
}

/**
 * A photo or file kept on the device until the server has all of it. Bytes are an
 * ArrayBuffer, not a Blob: Safari intermittently fails to store Blobs in IndexedDB.
 */
export interface PendingUpload {
  id: string
  mutationId: string
  name: string
  mediaType: string
  size: number
  bytes: ArrayBuffer
  sentBytes: number
}
