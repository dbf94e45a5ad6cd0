import type { ItemColumnId } from './columns'
import type { SpreadsheetProblem } from './problems'
import { headerOf, type SheetRow } from './row'

/** A theme or an action, with the cells of the row where it begins: later rows that name it must agree with them. */
export interface Begun<T> {
  item: T
  row: number
  cells: Map<ItemColumnId, string>
}

/**
 * How a theme or an action is laid out: its cells, those that name it (in the order they
 * are looked up), and the one it cannot begin without.
 */
export interface Level {
  noun: 'theme' | 'action'
  article: 'a' | 'an'
  cells: ItemColumnId[]
  names: ItemColumnId[]
  needed: ItemColumnId
}
export const themeLevel: Level = {
  noun: 'theme',
  article: 'a',
  cells: ['themeCode', 'themeTitle', 'themeOwners'],
  names: ['themeCode', 'themeTitle'],
  needed: 'themeTitle',
}
export const actionLevel: Level = {
  noun: 'action',
  article: 'an',
  cells: ['actionCode', 'actionTitle', 'actionDescription', 'actionLeads', 'actionDeadline', 'actionMonitoring'],
  names: ['actionCode', 'actionTitle', 'actionDescription'],
  needed: 'actionDescription',
}
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ')
/** How a theme (scope '') or an action (scope: its theme's key) is found by one of the cells that name it. */
const nameKey = (scope: string, id: ItemColumnId, text: string) =>
  `${scope}\u0000${id}\u0000${text.replace(/\s+/g, ' ')}`

/** The theme or action the row is in, 'begins' if it begins one, or 'refused' (with the problem reported). */
export function findBegun<T>(
  row: SheetRow,
  level: Level,
  begun: Map<string, Begun<T>>,
  scope: string,
  above: Begun<T> | undefined,
  problems: SpreadsheetProblem[],
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
    problems.push(row.problem(level.needed, message))
    return 'refused'
  }
  const given = row.filled(level.cells)
  if (!named) {
    if (given.length === 0) return undefined
    const message = `This row has no ${level.noun}: give ${level.article} ${headerOf(level.needed)} on this row or on a row above.`
    problems.push(row.problem(given[0]!, message))
    return 'refused'
  }
  const differ = given.filter((id) => !sameText(row.text(id), named.cells.get(id) ?? ''))
  for (const id of differ) {
    const message = `This row is in the ${level.noun} that begins on row ${named.row}, where ${headerOf(id)} says something else. Leave it blank here, or make it the same.`
    problems.push(row.problem(id, message))
  }
  return differ.length ? 'refused' : named
}

/** Records a theme or action begun on this row, under each cell that names it. */
export function rememberBegun<T>(
  row: SheetRow,
  item: T,
  level: Level,
  begun: Map<string, Begun<T>>,
  scope: string,
): Begun<T> {
  const made = { item, row: row.row, cells: new Map(level.cells.map((id) => [id, row.text(id)])) }
  for (const id of row.filled(level.names)) {
    const name = nameKey(scope, id, row.text(id))
    if (!begun.has(name)) begun.set(name, made)
  }
  return made
}
