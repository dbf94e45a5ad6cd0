import type { Reader } from '../../src/server/db/pull'

/** A plan admin's pull, which receives everything the organisation holds. */
export const adminReader = (orgId: string): Reader => ({
  orgId,
  personId: '00000000-0000-4000-8000-000000000000',
  admin: true,
})
