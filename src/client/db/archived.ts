/** The records still in the plan: an archived one leaves its lists, and keeps its updates, evidence and history. */
export const inPlan = <T extends { archivedAt?: string | null }>(records: T[]): T[] =>
  records.filter((record) => !record.archivedAt)
