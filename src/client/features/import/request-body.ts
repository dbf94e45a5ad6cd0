import type { SpreadsheetUpload } from '../../../shared/plans/import-request'

export type FileFormat = 'json' | 'csv' | 'xlsx'

/** The plan's fields a CSV cannot say, as the person typed them; blank ones are left out. */
export type PlanFields = Partial<Record<'title' | 'kind' | 'status' | 'periodText' | 'versionLabel' | 'source', string>>

export function formatOf(fileName: string): FileFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return extension === 'json' || extension === 'csv' || extension === 'xlsx' ? extension : undefined
}

// btoa takes a string of bytes; in slices, so a 5 MB file does not overflow the argument list.
function base64(bytes: Uint8Array): string {
  let binary = ''
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000))
  return btoa(binary)
}

/** What a file is sent as: a plan document as it is, a spreadsheet in base64 with the plan's fields. */
export async function requestBodyOf(file: File, format: FileFormat, plan: PlanFields): Promise<unknown> {
  if (format === 'json') return JSON.parse(await file.text()) as unknown
  const given = Object.fromEntries(Object.entries(plan).filter(([, value]) => value?.trim()))
  const upload: SpreadsheetUpload = {
    spreadsheet: { format, content: base64(new Uint8Array(await file.arrayBuffer())) },
    ...(Object.keys(given).length ? { plan: given } : {}),
  }
  return upload
}
