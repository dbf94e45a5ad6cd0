import type { ImportSummary } from '../../../shared/plans/import-summary'
import { api } from '../../sync/api'

export const previewImport = (body: unknown) => api<ImportSummary>('/plans/import/preview', { method: 'POST', body })
export const confirmImport = (body: unknown) => api<ImportSummary>('/plans/import', { method: 'POST', body })
export const templateLinks = [
  { href: '/api/plans/import/template.xlsx', label: 'Download the spreadsheet template (XLSX)' },
  { href: '/api/plans/import/template.csv', label: 'Download the spreadsheet template (CSV)' },
]
