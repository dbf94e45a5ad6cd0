import { anyYear, finiteNumber, int4, int8, pgDate, pgText, pgTimestamp, uuid } from './pg-values'

/** The fields every synced record is built from, each limited to what PostgreSQL stores. */
export const id = uuid()
// Records hold what was written over the years (a baseline from the 1990s), so any year PostgreSQL takes.
export const isoDate = pgDate(anyYear)
export const timestamp = pgTimestamp(anyYear)
export const text = pgText(100_000)
export const position = int4()
export const number = finiteNumber()
export const base = { id, version: int8().nonnegative() }
/** When a plan admin archived the record: it leaves the plan's lists, and keeps its updates and evidence. */
export const archivedAt = timestamp.nullable()
