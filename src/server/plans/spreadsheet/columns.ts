/**
 * The spreadsheet form's layout, in one place: the parser reads these headers, the
 * template writes them, and its "How to fill this in" sheet is made from their help.
 * One row per milestone, or per action that has none. A theme's or an action's cells
 * are filled where it begins; the rows below it may leave them blank (or repeat them
 * exactly) and belong to it.
 */
export const itemColumns = [
  {
    id: 'themeCode',
    header: 'Theme code',
    help: 'Optional. The theme\'s number or letter as the plan writes it, such as "Theme 1" or "A".',
    example: 'Theme 1',
  },
  {
    id: 'themeTitle',
    header: 'Theme title',
    help: 'Needed where a theme begins. The rows below it belong to it until another theme begins.',
    example: 'Delivery of an integrated early help offer and alignment with MASH',
  },
  {
    id: 'themeOwners',
    header: 'Theme owners',
    help: 'Optional. The roles who own the theme, separated by semicolons.',
    example: 'Acting Head of Early Help and MASH',
  },
  {
    id: 'actionCode',
    header: 'Action code',
    help: 'Optional. The action\'s code as the plan writes it, such as "A1".',
    example: '',
  },
  {
    id: 'actionTitle',
    header: 'Action title',
    help: 'Optional. A short name for the action, where the plan gives one apart from its description.',
    example: '',
  },
  {
    id: 'actionDescription',
    header: 'Action description',
    help: 'Needed where an action begins: what will be done. The rows below it, in the same theme, belong to it until another action begins.',
    example:
      'Improve access and streamline business support processes so that all enquires are routed appropriately through Early Help Hub or MASH.',
  },
  {
    id: 'actionLeads',
    header: 'Action leads',
    help: 'Optional. The roles who lead the action, separated by semicolons. A person may follow a role after a colon: "Head of Early Help: Sam Jones".',
    example: 'Acting Head of Early Help and MASH',
  },
  {
    id: 'actionDeadline',
    header: 'Action deadline',
    help: 'Optional. When the action is due, written as the plan writes it ("March 2018 and ongoing").',
    example: '',
  },
  {
    id: 'actionMonitoring',
    header: 'Action monitoring',
    help: 'Optional. How progress on the action is monitored.',
    example: '',
  },
  {
    id: 'milestone',
    header: 'Milestone',
    help: 'Optional. One milestone of the action. Leave it blank on a row for an action without milestones.',
    example: 'Ensure clear pathways and process mapping are being applied to all referrals.',
  },
  {
    id: 'milestoneLeads',
    header: 'Milestone leads',
    help: 'Optional. The roles who lead the milestone, written as for Action leads.',
    example: 'Acting Head of Early Help and MASH',
  },
  {
    id: 'milestoneDeadline',
    header: 'Milestone deadline',
    help: 'Optional. When the milestone is due, written as the plan writes it ("January – March 2017").',
    example: 'December 2016',
  },
  {
    id: 'milestoneMonitoring',
    header: 'Milestone monitoring',
    help: 'Optional. How the milestone is monitored: the meeting, board or report.',
    example: 'Performance meeting. Monitoring of new data set',
  },
] as const

export type ItemColumnId = (typeof itemColumns)[number]['id']

/** The plan's own fields, one a row on the Plan sheet (or given with the import). */
export const planFields = [
  { id: 'title', label: 'Title', help: "Needed. The plan's title as its cover gives it." },
  { id: 'subtitle', label: 'Subtitle', help: 'Optional.' },
  {
    id: 'kind',
    label: 'Kind',
    help: 'Needed. One of: Business plan, Improvement plan, Framework, Service plan.',
  },
  { id: 'status', label: 'Status', help: 'Needed. One of: Draft, Approved, Superseded, Archived.' },
  { id: 'periodText', label: 'Period', help: 'Optional. The years it covers, as written: "2017-2018".' },
  { id: 'periodStart', label: 'Period start', help: 'Optional. The first day it covers: 01/04/2017.' },
  { id: 'periodEnd', label: 'Period end', help: 'Optional. The last day it covers: 31/03/2018.' },
  {
    id: 'versionLabel',
    label: 'Version',
    help: 'Needed. The version as the document names it: "Version 3 (Cabinet, March 2017)".',
  },
  { id: 'source', label: 'Source', help: 'Needed. The document the plan comes from, with its date.' },
] as const

export type PlanFieldId = (typeof planFields)[number]['id'] | 'key'

export const itemsSheet = 'Plan items'
export const planSheet = 'Plan'
export const howToSheet = 'How to fill this in'
export const planSheetHeaders = ['Field', 'Value'] as const

/** Headers are matched as a person reads them: case and spacing aside. */
export const headerForm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()
