import { isBlankRow, type Table } from './cells'
import type { ItemColumnId } from './columns'
import { deadlineOf } from './dates'
import type { ColumnMap } from './header'
import { keyMaker, slug } from './keys'
import { readLeads, type Lead } from './leads'
import type { Origins } from './origins'
import type { SpreadsheetProblem } from './problems'
import { headerOf, SheetRow } from './row'
import { actionLevel, findBegun, rememberBegun, themeLevel, type Begun } from './levels'

type Deadline = ReturnType<typeof deadlineOf>
interface ThemeItem {
  key: string
  code?: string
  title: string
  owners: Lead[]
}
interface ActionItem {
  key: string
  theme: string
  code?: string
  title?: string
  description: string
  leads: Lead[]
  deadline?: Deadline
  monitoring?: string
}
interface MilestoneItem {
  key: string
  action: string
  title: string
  leads: Lead[]
  deadline?: Deadline
  monitoring?: string
}
export interface PlanItems {
  themes: ThemeItem[]
  actions: ActionItem[]
  milestones: MilestoneItem[]
}

const milestoneCells: ItemColumnId[] = ['milestone', 'milestoneLeads', 'milestoneDeadline', 'milestoneMonitoring']

const optional = <K extends string>(name: K, value: string) =>
  (value ? { [name]: value } : {}) as Partial<Record<K, string>>

/**
 * Turns the rows of the Plan items sheet into themes, actions and milestones, in the order
 * they first appear, with keys made from their codes or titles. A row's theme cells, and
 * its action cells, either name one (begun on this row, or on a row above: by its code,
 * else its title, else its description) or are blank and continue the one above.
 */
export function readItems(
  table: Table,
  columns: ColumnMap,
  origins: Origins,
  problems: SpreadsheetProblem[],
): PlanItems {
  const reader = new ItemReader(origins, problems)
  table.rows.forEach((cells, index) => {
    if (index === 0 || isBlankRow(cells)) return
    const row = new SheetRow(table, cells, columns, index + 1)
    // A row with a refused cell is still read, so that the rows below it are not refused for want of its theme.
    problems.push(...row.cellProblems())
    reader.read(row)
  })
  return reader.items
}

class ItemReader {
  readonly items: PlanItems = { themes: [], actions: [], milestones: [] }
  /** Themes by the text of each cell that names them; actions likewise, within their theme. */
  private readonly themes = new Map<string, Begun<ThemeItem>>()
  private readonly actions = new Map<string, Begun<ActionItem>>()
  private readonly themeKey = keyMaker()
  private readonly actionKey = keyMaker()
  private readonly milestoneKey = keyMaker()
  private theme: Begun<ThemeItem> | undefined
  private action: Begun<ActionItem> | undefined

  constructor(
    private readonly origins: Origins,
    private readonly problems: SpreadsheetProblem[],
  ) {}

  read(row: SheetRow) {
    const theme = findBegun(row, themeLevel, this.themes, '', this.theme, this.problems)
    if (theme === 'refused') return
    if (theme !== this.theme) this.action = undefined
    this.theme = theme === 'begins' ? this.beginTheme(row) : theme
    if (!this.theme) {
      this.problems.push(
        row.problem('themeTitle', 'This row has no theme: give a Theme title on this row or on a row above.'),
      )
      return
    }
    const action = findBegun(row, actionLevel, this.actions, this.theme.item.key, this.action, this.problems)
    if (action === 'refused') return
    this.action = action === 'begins' ? this.beginAction(row, this.theme.item) : action
    this.readMilestone(row)
  }

  private beginTheme(row: SheetRow): Begun<ThemeItem> {
    const path = `themes[${this.items.themes.length}]`
    const code = row.text('themeCode')
    const title = row.text('themeTitle')
    const item: ThemeItem = {
      key: this.themeKey(slug(code || title)),
      ...optional('code', code),
      title,
      owners: this.leads(row, 'themeOwners', `${path}.owners`),
    }
    this.items.themes.push(item)
    this.locate(row, path, 'themeTitle', { themeCode: 'code', themeOwners: 'owners' })
    return rememberBegun(row, item, themeLevel, this.themes, '')
  }

  private beginAction(row: SheetRow, theme: ThemeItem): Begun<ActionItem> {
    const path = `actions[${this.items.actions.length}]`
    const name = row.text(actionLevel.names.find((id) => row.text(id))!)
    const item: ActionItem = {
      key: this.actionKey(`${theme.key}-${slug(name)}`),
      theme: theme.key,
      ...optional('code', row.text('actionCode')),
      ...optional('title', row.text('actionTitle')),
      description: row.text('actionDescription'),
      leads: this.leads(row, 'actionLeads', `${path}.leads`),
      ...(row.text('actionDeadline') ? { deadline: deadlineOf(row.cell('actionDeadline')) } : {}),
      ...optional('monitoring', row.text('actionMonitoring')),
    }
    this.items.actions.push(item)
    this.locate(row, path, 'actionDescription', {
      actionCode: 'code',
      actionTitle: 'title',
      actionLeads: 'leads',
      actionDeadline: 'deadline',
      actionMonitoring: 'monitoring',
    })
    return rememberBegun(row, item, actionLevel, this.actions, theme.key)
  }

  private readMilestone(row: SheetRow) {
    const title = row.text('milestone')
    if (!title) {
      const stray = row.filled(milestoneCells)[0]
      if (stray)
        this.problems.push(
          row.problem(stray, `${headerOf(stray)} is filled but Milestone is blank: give the milestone's title.`),
        )
      return
    }
    if (!this.action) {
      const message =
        'This milestone has no action: give an Action description on this row or on a row above, in the same theme.'
      this.problems.push(row.problem('milestone', message))
      return
    }
    const path = `milestones[${this.items.milestones.length}]`
    this.items.milestones.push({
      key: this.milestoneKey(`${this.action.item.key}-${slug(title)}`),
      action: this.action.item.key,
      title,
      leads: this.leads(row, 'milestoneLeads', `${path}.leads`),
      ...(row.text('milestoneDeadline') ? { deadline: deadlineOf(row.cell('milestoneDeadline')) } : {}),
      ...optional('monitoring', row.text('milestoneMonitoring')),
    })
    this.locate(row, path, 'milestone', {
      milestoneLeads: 'leads',
      milestoneDeadline: 'deadline',
      milestoneMonitoring: 'monitoring',
    })
  }

  private leads(row: SheetRow, id: ItemColumnId, path: string): Lead[] {
    const leads = readLeads(row.text(id))
    if (leads) return leads
    const message =
      'Each lead is a role, then optionally a colon and the person: a lead here has nothing before its colon.'
    this.problems.push(row.problem(id, message, path))
    return []
  }

  /** Records which cell each part of a new record came from, for refusals by the shared schema. */
  private locate(row: SheetRow, path: string, main: ItemColumnId, fields: Partial<Record<ItemColumnId, string>>) {
    this.origins.set(path, row.place(main))
    for (const [id, field] of Object.entries(fields) as [ItemColumnId, string][]) {
      if (row.text(id)) this.origins.set(`${path}.${field}`, row.place(id))
    }
  }
}
