import type { Page } from 'playwright-core'

/** What has keyboard focus, as assistive technology would announce it. */
export interface FocusStop {
  tag: string
  role: string
  name: string
  inMain: boolean
  outlineStyle: string
  outlineWidth: string
  /** An outline shows on the element, or on its label when the control itself is visually hidden. */
  indicated: boolean
}

/** Describes document.activeElement; `undefined` when focus is on the page itself (or outside it). */
export function focused(page: Page): Promise<FocusStop | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body || el === document.documentElement) return undefined
    const text = (node: Element | null) => (node ? (node as HTMLElement).innerText || node.textContent || '' : '')
    const squash = (value: string) => value.replace(/\s+/g, ' ').trim()
    let name = squash(el.getAttribute('aria-label') ?? '')
    const labelledBy = el.getAttribute('aria-labelledby')
    if (!name && labelledBy)
      name = squash(
        labelledBy
          .split(/\s+/)
          .map((id) => text(document.getElementById(id)))
          .join(' '),
      )
    const labels = (el as HTMLInputElement).labels
    if (!name && labels?.length) name = squash([...labels].map(text).join(' '))
    // Name from content, leaving out what is hidden from assistive technology.
    if (!name && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
      name = squash(copy.textContent ?? '')
    }
    if (!name) name = squash(el.getAttribute('title') ?? '')
    const style = getComputedStyle(el)
    const outlined = (node: Element) => {
      const look = getComputedStyle(node)
      return look.outlineStyle !== 'none' && parseFloat(look.outlineWidth) > 0
    }
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role') ?? '',
      name,
      inMain: document.querySelector('main')?.contains(el) ?? false,
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      indicated: outlined(el) || [...(labels ?? [])].some(outlined),
    }
  })
}

export interface TabWalk {
  /** Every stop, in order, until focus came back to the first one. */
  stops: FocusStop[]
  /** Visible interactive elements focus never reached, described. */
  unreached: string[]
}

/**
 * Presses Tab from the top of the page until focus cycles back to where it started
 * (or `limit` presses), remembering every element focused, then lists the visible
 * interactive elements that were never reached.
 */
export async function tabThroughPage(page: Page, limit = 200): Promise<TabWalk> {
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    ;(window as unknown as { tabbed: Element[] }).tabbed = []
  })
  const stops: FocusStop[] = []
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab')
    const cycled = await page.evaluate(() => {
      const tabbed = (window as unknown as { tabbed: Element[] }).tabbed
      const el = document.activeElement
      if (!el || el === document.body) return false
      if (tabbed[0] === el) return true
      if (!tabbed.includes(el)) tabbed.push(el)
      return false
    })
    if (cycled) break
    const stop = await focused(page)
    if (stop) stops.push(stop)
  }
  const unreached = await page.evaluate(() => {
    const tabbed = (window as unknown as { tabbed: Element[] }).tabbed
    // One Tab stop per radio group: arrow keys move between its options.
    const radioGroupReached = (el: HTMLInputElement) =>
      tabbed.some(
        (other) =>
          other instanceof HTMLInputElement &&
          other.type === 'radio' &&
          other.name === el.name &&
          other.form === el.form,
      )
    const interactive = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')]
    return interactive
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !(el as HTMLButtonElement).disabled)
      .filter((el) => !tabbed.includes(el))
      .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio' && el.name && radioGroupReached(el)))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}"`,
      )
  })
  return { stops, unreached }
}
