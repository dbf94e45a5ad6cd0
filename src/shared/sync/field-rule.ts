import { incomingWins, type StatusStamp } from './status-rule'

/** For each field an edit has set, when that edit was made and its id. */
export type FieldEdits = Record<string, StatusStamp>

export interface FieldOutcome {
  /** The fields this edit sets, each with the value it replaces. */
  changed: Record<string, { from: unknown; to: unknown }>
  /** Fields a more recent edit set, so theirs stand: each with the value this edit wanted. */
  kept: Record<string, { theirs: unknown; yours: unknown }>
  /** The record's stamps once this edit's fields are in. */
  fieldEdits: FieldEdits
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Two edits of one record meet field by field, each field under the status rule: the edit
 * made most recently wins that field, whatever order the devices sync in, and the other
 * fields of both edits stand. A field given its current value changes nothing.
 */
export function meetFields(
  fields: Record<string, unknown>,
  record: Record<string, unknown>,
  fieldEdits: FieldEdits,
  stamp: StatusStamp,
): FieldOutcome {
  const outcome: FieldOutcome = { changed: {}, kept: {}, fieldEdits: { ...fieldEdits } }
  for (const [name, value] of Object.entries(fields)) {
    if (!incomingWins(stamp, fieldEdits[name])) {
      if (!same(record[name], value)) outcome.kept[name] = { theirs: record[name] ?? null, yours: value }
      continue
    }
    outcome.fieldEdits[name] = stamp
    if (!same(record[name], value)) outcome.changed[name] = { from: record[name] ?? null, to: value }
  }
  return outcome
}

export const fieldRuleText =
  'When two people edit the same field, the edit made most recently wins that field; their other changes stand. Both versions stay in the history.'
