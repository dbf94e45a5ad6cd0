import { isBlankRow, type Table } from './cells'
import type { ItemColumnId } from './columns'
import { deadlineOf } from './dates'
import type { ColumnMap } from './header'
import { keyMaker, slug } from './keys'
import { readLeads, type Lead } from './leads'
import type { Origins } from './origins'
import type { SpreadsheetProblem } from './problems'
import { headerOf, SheetRow } from './row'

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

/** A theme or an action, with the cells of the row where it begins: later rows that name it must agree with them. */
interface Begun<T> {
  item: T
  row: number
  cells: Map<ItemColumnId, string>
}

/**
 * How a theme or an action is laid out: its cells, those that name it (in the order they
 * are looked up), and the one it cannot begin without.
 */
interface Level {
  noun: 'theme' | 'action'
  article: 'a' | 'an'
  cells: ItemColumnId[]
  names: ItemColumnId[]
  needed: ItemColumnId
}
const themeLevel: Level = {
  noun: 'theme',
  article: 'a',
  cells: ['themeCode', 'themeTitle', 'themeOwners'],
  names: ['themeCode', 'themeTitle'],
  needed: 'themeTitle',
}
const actionLevel: Level = {
  noun: 'action',
  article: 'an',
  cells: ['actionCode', 'actionTitle', 'actionDescription', 'actionLeads', 'actionDeadline', 'actionMonitoring'],
  names: ['actionCode', 'actionTitle', 'actionDescription'],
  needed: 'actionDescription',
}
const milestoneCells: ItemColumnId[] = ['milestone', 'milestoneLeads', 'milestoneDeadline', 'milestoneMonitoring']

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ')
/** How a theme (scope '') or an action (scope: its theme's key) is found by one of the cells that name it. */
const nameKey = (scope: string, id: ItemColumnId, text: string) =>
  `${scope}\u0000${id}\u0000${text.replace(/\s+/g, ' ')}`
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
    const theme = this.find(row, themeLevel, this.themes, '', this.theme)
    if (theme === 'refused') return
    if (theme !== this.theme) this.action = undefined
    this.theme = theme === 'begins' ? this.beginTheme(row) : theme
    if (!this.theme) {
      this.problems.push(
        row.problem('themeTitle', 'This row has no theme: give a Theme title on this row or on a row above.'),
      )
      return
    }
    const action = this.find(row, actionLevel, this.actions, this.theme.item.key, this.action)
    if (action === 'refused') return
    this.action = action === 'begins' ? this.beginAction(row, this.theme.item) : action
    this.readMilestone(row)
  }

  /** The theme or action the row is in, 'begins' if it begins one, or 'refused' (with the problem reported). */
  private find<T>(
    row: SheetRow,
    level: Level,
    begun: Map<string, Begun<T>>,
    scope: string,
    above: Begun<T> | undefined,
  ): Begun<T> | 'begins' | 'refused' | undefined {
    // Named by any of its naming cells: a row giving a theme's title with a code that theme
    // lacks is refused, rather than made a second theme of the same title.
    const names = row.filled(level.names)
    const by = names[0]
    const named = by ? names.map((id) => begun.get(nameKey(scope, id, row.text(id)))).find(Boolean) : above
    if (!named && by) {
      if (row.text(level.needed)) return 'begins'
      const name = row.text(by)
      const where = level.noun === 'action' ? ' in this theme' : ''
      const message = `${level.article === 'a' ? 'A' : 'An'} ${level.noun} begins here (no ${level.noun} above${where} is "${name}"): give its ${headerOf(level.needed)}.`
      this.problems.push(row.problem(level.needed, message))
      return 'refused'
    }
    const given = row.filled(level.cells)
    if (!named) {
      if (given.length === 0) return undefined
      const message = `This row has no ${level.noun}: give ${level.article} ${headerOf(level.needed)} on this row or on a row above.`
      this.problems.push(row.problem(given[0]!, message))
      return 'refused'
    }
    const differ = given.filter((id) => !sameText(row.text(id), named.cells.get(id) ?? ''))
    for (const id of differ) {
      const message = `This row is in the ${level.noun} that begins on row ${named.row}, where ${headerOf(id)} says something else. Leave it blank here, or make it the same.`
      this.problems.push(row.problem(id, message))
    }
    return differ.length ? 'refused' : named
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
    return this.begun(row, item, themeLevel, this.themes, '')
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
    return this.begun(row, item, actionLevel, this.actions, theme.key)
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

  private begun<T>(row: SheetRow, item: T, level: Level, begun: Map<string, Begun<T>>, scope: string): Begun<T> {
    const made = { item, row: row.row, cells: new Map(level.cells.map((id) => [id, row.text(id)])) }
    for (const id of row.filled(level.names)) {
      const name = nameKey(scope, id, row.text(id))
      if (!begun.has(name)) begun.set(name, made)
    }
    return made
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
