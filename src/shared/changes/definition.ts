import type { Person } from '../entities'
import type { BatchContext } from './batch-context'
import type { Decision } from './decision'
import type { DeviceCopy } from './device-copy'
import type { References } from './references'

/** What deciding a change on the server knows besides the change itself. */
export interface Deciding {
  who: Person
  context: BatchContext
  mutationId: string
  /** When it was made on the device, capped at when it reached the server (status-rule.ts). */
  madeAt: string
  receivedAt: string
}

/** What showing a change on the device knows besides the change itself. */
export interface OnDevice {
  authorId: string
  mutationId: string
  madeAt: string
}

/**
 * Everything about one kind of change a device can send, in one place: the registry in
 * index.ts holds one for every kind of the push protocol, so the compiler says when a
 * kind lacks any part. Its schema sits beside it in the same file.
 */
export interface ChangeDefinition<Data> {
  /** The id of the record the change creates, if it creates one: it must not be taken already. */
  createsId(data: Data): string | undefined
  /** The record it creates or changes: screens mark it as waiting to be sent. */
  subject(data: Data): string
  /** The records it refers to, so the server reads them for the whole batch at once. */
  refers(data: Data, refs: References): void
  /** Who may make it and what it writes: pure, over what the server read for the batch. */
  decide(data: Data, deciding: Deciding): Decision
  /** How it shows on the device at once, before the server has it. */
  onDevice(data: Data, copy: DeviceCopy, on: OnDevice): Promise<void>
  /** Taking it back when the person discards it before it was applied. */
  undo(data: Data, copy: DeviceCopy): Promise<void>
  /** The change in a sentence, for the list of changes on this device. */
  describe(data: Data, titleOf: (id: string) => string): string
}
