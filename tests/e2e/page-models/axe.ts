import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const require = createRequire(import.meta.url)
/** axe-core's source, evaluated in the page: the app's CSP rightly refuses injected <script> tags. */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe over the whole document and returns its violations, one per rule. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    interface Result {
      id: string
      impact?: string | null
      help: string
      nodes: { target: unknown[] }[]
    }
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: Result[]; passes: Result[] }> }
      }
    ).axe
    const results = await axe.run(document, { runOnly: tags })
    // A run that checked nothing would pass anything: make sure axe really looked.
    if (results.passes.length === 0) throw new Error('axe checked no rules on this page')
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  }, axeTags)
}

/** A readable list of violations for an assertion message. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  return `${where}:\n${violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n')}`
}

/** Fails the test with every violation axe finds on the page, named by screen. */
export async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page)
  expect(violations, describeViolations(screen, violations)).toEqual([])
}
