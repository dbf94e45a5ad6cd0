import type { Locator, Page } from 'playwright-core'
import { AppShell } from './app-shell'
import { SearchPage } from './screens'
import { SignInPage } from './sign-in-page'
import { reachesPath, shows } from './waits'

export const admin = 'admin@demo.local'

/** Words a status is shown with, on its label and in the status select. */
export type StatusWord = 'Not started' | 'On track' | 'At risk' | 'Off track' | 'Complete'

/**
 * Signs in as anyone (admin included, whose team is not the demo's Kingston team) and
 * waits until the first sync has finished: My team shows, and the header says when it last synced.
 */
export async function signInAs(page: Page, email: string): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.submitAs(email)
  await reachesPath(page, '/my-team')
  const shell = new AppShell(page)
  await shows(shell.main.getByRole('heading', { level: 1 }))
  await shows(shell.sync.lastSynced)
}

/** The header's count of changes waiting on this device ("1 change waiting", "2 changes waiting"). */
export function waitingBadge(page: Page, count?: number): Locator {
  const text =
    count === undefined ? /^\d+ changes? waiting$/ : count === 1 ? '1 change waiting' : `${count} changes waiting`
  return page.getByRole('banner').getByText(text, { exact: true })
}

/** A project's page: its milestones, evidence and history, as a person reads and uses them. */
export class ProjectPage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }

  get main() {
    return this.page.getByRole('main')
  }
  heading(code: string) {
    return this.shell.heading(new RegExp(`^${code}\\s`))
  }

  /** Opens a project from Search, as a person who knows a word of its description would. */
  async openFromSearch(code: string, word: string): Promise<void> {
    await this.shell.goTo('Search')
    const search = new SearchPage(this.page)
    await search.search(word)
    await this.main
      .getByRole('link', { name: new RegExp(`^${code}\\s`) })
      .first()
      .click()
    await shows(this.heading(code))
    await reachesPath(this.page, /^\/plan\/actions\//)
  }

  /* Milestones */

  get milestones() {
    return this.main.getByRole('region', { name: 'Milestones', exact: true })
  }
  /** A milestone's card, found by its heading. */
  milestone(title: string) {
    return this.milestones
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3, name: title, exact: true }) })
  }
  /** The line under a milestone's heading: its status, when it is due, and whether a change is waiting to send. */
  milestoneStatusLine(title: string) {
    return this.milestone(title).getByRole('paragraph').first()
  }
  /** Waits until the milestone shows `status` (and, if given, whether a change to it is still waiting to send). */
  async showsMilestoneStatus(title: string, status: StatusWord, waiting?: boolean): Promise<void> {
    const line = this.milestoneStatusLine(title).filter({ hasText: new RegExp(`^\\W*${status}\\b`) })
    await shows(
      waiting === undefined
        ? line
        : waiting
          ? line.filter({ hasText: 'Waiting to send' })
          : line.filter({ hasNotText: 'Waiting to send' }),
    )
  }
  statusSelect(title: string) {
    return this.milestone(title).getByLabel(`Status of “${title}”`, { exact: true })
  }
  async setMilestoneStatus(title: string, status: StatusWord): Promise<void> {
    await this.statusSelect(title).selectOption({ label: status })
    await this.milestone(title).getByRole('button', { name: 'Save status' }).click()
    await this.showsMilestoneStatus(title, status, true)
  }

  /* Evidence */

  get evidence() {
    return this.main.getByRole('region', { name: 'Evidence', exact: true })
  }
  /** A piece of evidence in the list, found by its note. */
  evidenceItem(note: string) {
    return this.evidence.getByRole('listitem').filter({ has: this.page.getByText(note, { exact: true }) })
  }
  /** The photos shown with a piece of evidence: images named "Photo: …". */
  photosOf(note: string) {
    return this.evidenceItem(note)
      .getByRole('list', { name: 'Photos' })
      .getByRole('img', { name: /^Photo: / })
  }
  get noteBox() {
    return this.evidence.getByLabel('Note', { exact: true })
  }
  get milestoneChoice() {
    return this.evidence.getByLabel('Milestone (optional)')
  }
  get choosePhotos() {
    return this.evidence.getByLabel('Choose photos', { exact: true })
  }
  get chosen() {
    return this.evidence.getByRole('list', { name: 'Chosen photos and files' })
  }
  get saveEvidenceButton() {
    return this.evidence.getByRole('button', { name: 'Save evidence' })
  }
  get evidenceSaved() {
    return this.evidence.getByRole('status').filter({ hasText: 'Evidence saved on this device' })
  }

  /** Fills in and saves the evidence form; waits for "Evidence saved on this device…". */
  async addEvidence(input: {
    note: string
    milestone?: string
    photos?: { name: string; mimeType: string; buffer: Buffer }[]
  }): Promise<void> {
    await this.noteBox.fill(input.note)
    if (input.milestone) await this.milestoneChoice.selectOption({ label: input.milestone })
    if (input.photos?.length) {
      await this.choosePhotos.setInputFiles(input.photos)
      for (const photo of input.photos) await shows(this.chosen.getByRole('listitem').filter({ hasText: photo.name }))
    }
    await this.saveEvidenceButton.click()
    await shows(this.evidenceSaved, 30_000)
  }

  /* History */

  get history() {
    return this.main.getByRole('region', { name: 'History', exact: true })
  }
  /** History entries whose text includes `text` (e.g. `Set milestone “…” to Complete`). */
  historyEntry(text: string) {
    return this.history.getByRole('listitem').filter({ hasText: text })
  }
}

/** "Changes on this device" (/changes), reached from the header's sync details. */
export class ChangesPage {
  constructor(readonly page: Page) {}

  get main() {
    return this.page.getByRole('main')
  }
  async open(): Promise<void> {
    const shell = new AppShell(this.page)
    await shell.sync.open()
    await shell.sync.disclosure
      .getByRole('link', { name: /^(See the .* waiting to send|Changes on this device)$/ })
      .click()
    await reachesPath(this.page, '/changes')
    await shows(shell.heading('Changes on this device'))
  }
  waitingHeading(count: number) {
    return this.main.getByRole('heading', { level: 2, name: `Waiting to send (${count})`, exact: true })
  }
  get waiting() {
    return this.main.getByRole('region', { name: /^Waiting to send/ }).getByRole('listitem')
  }
  get notStood() {
    return this.main.getByRole('region', { name: 'Your changes that did not stand', exact: true })
  }
}
