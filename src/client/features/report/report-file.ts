import type { QuarterlyReport } from '../../../shared/monitoring/quarterly-report-schema'

/** The name a report's file is saved under: "Business Plan 2020-24 2026-27 Q3.csv". */
export function reportFileName(report: QuarterlyReport, extension: 'csv' | 'docx'): string {
  const name = `${report.plan.title} ${report.quarter.replace('/', '-')}`
  return `${name.replace(/[\\/:*?"<>|]+/g, ' ').trim()}.${extension}`
}

/** Saves a file made on the device: no server involved, so it works offline. */
export function saveFile(contents: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
