import type { Locator, Page } from 'playwright-core'

/**
 * A form's GOV.UK error summary ("There is a problem", a link per problem) and the inline
 * errors beside its fields, read as a person and their screen reader meet them.
 */
export class ErrorSummary {
  constructor(
    readonly page: Page,
    readonly scope: Locator = page.getByRole('main'),
  ) {}

  get box() {
    return this.scope.getByRole('alert').filter({ has: this.heading })
  }
  get heading() {
    return this.page.getByRole('heading', { level: 2, name: 'There is a problem', exact: true })
  }
  get links() {
    return this.box.getByRole('link')
  }
  /** The problems the summary lists, in order. */
  async problems(): Promise<string[]> {
    return (await this.links.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
  }
  /** Whether the summary has focus, as it should the moment it appears. */
  isFocused(): Promise<boolean> {
    return this.box.evaluate((box) => box === document.activeElement)
  }
}

/** Whether the control has focus. */
export const hasFocus = (control: Locator): Promise<boolean> =>
  control.evaluate((element) => element === document.activeElement)

/**
 * The inline error a control (or the group around it) points to with aria-describedby, as a screen
 * reader reads it ("Error: Enter your password"); undefined when it points to none.
 */
export async function inlineErrorOf(control: Locator): Promise<string | undefined> {
  return control.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    const texts = ids.map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    return texts.find((text) => text.startsWith('Error:'))
  })
}
