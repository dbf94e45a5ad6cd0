type Archivable = { archivedAt?: string | null }

/** Whether a record is still in the plan: an archived one leaves its lists, and keeps its updates, evidence and history. */
export const isInPlan = (record: Archivable): boolean => !record.archivedAt

/** The records still in the plan. */
export const inPlan = <T extends Archivable>(records: T[]): T[] => records.filter(isInPlan)
