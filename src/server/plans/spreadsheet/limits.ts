/**
 * What a plan spreadsheet may hold. A real plan is a few hundred rows and well under a
 * megabyte (RBWM's 65 milestones fill 65 rows); the limits leave room for ten times that
 * and stop anything sent to wear the server out.
 */
export const spreadsheetLimits = {
  /** The file as uploaded, CSV or XLSX. */
  bytes: 5 * 1024 * 1024,
  /** An XLSX unpacked: a zip a few kilobytes long can unpack to gigabytes. */
  unzippedBytes: 50 * 1024 * 1024,
  /** Files inside an XLSX (a workbook has about a dozen). */
  zipEntries: 1000,
  /** Rows below a sheet's header. */
  rows: 5000,
  /** Columns a sheet may reach: the layout has 13; a workbook that reaches further is refused before it is read. */
  columns: 50,
  /** Characters in one cell (a long action description is about 1,500). */
  cellCharacters: 10_000,
  /** Problems reported; past this the list ends with a count of the rest. */
  problems: 200,
}
