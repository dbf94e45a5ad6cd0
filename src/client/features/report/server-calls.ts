import type { ReportLock } from '../../../shared/monitoring/report-locks'
import { api } from '../../sync/api'

// Online only: the server builds the report from its own records and keeps it, once.
export const lockQuarterOnServer = (planId: string, quarter: string) =>
  api<ReportLock>(`/plans/${planId}/quarters/lock`, { method: 'POST', body: { quarter } })
