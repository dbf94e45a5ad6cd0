import type { RefreshResult } from '../../../shared/plans/next-version'
import { api } from '../../sync/api'

// Online only: the server copies the plan's records into next year's draft in one transaction.
export const startNextVersion = (planId: string) =>
  api<RefreshResult>(`/plans/${planId}/refresh`, { method: 'POST', body: {} })
