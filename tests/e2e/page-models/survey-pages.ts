import type { Locator, Page } from 'playwright-core'
import { AppShell } from './app-shell'
import { reachesPath, shows } from './waits'

export const openSurvey = 'Values survey, autumn 2026'
export const closedSurvey = 'Values survey, spring 2026'

/** The box on My team that offers the surveys a person can answer now. */
export class OpenSurveysPanel {
  constructor(readonly page: Page) {}
  get heading() {
    return this.page.getByRole('main').getByRole('heading', { level: 2, name: 'Surveys open to you', exact: true })
  }
  answerLink(title: string) {
    return this.page.getByRole('main').getByRole('link', { name: `Answer ${title}`, exact: true })
  }
}

/** What a person does with one answer: the words on the choice, or text for a free-text question. */
export type Answer = { choose: string } | { write: string }

/** A survey's answer page (/surveys/:id): one group per question, then "Send my answers". */
export class SurveyAnswerPage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }

  get main() {
    return this.page.getByRole('main')
  }
  heading(title: string) {
    return this.shell.heading(title)
  }
  get anonymity() {
    return this.main.getByRole('note').filter({ hasText: 'Your answers are anonymous.' })
  }
  /** Every question, in order: a group named by its legend. */
  get questions() {
    return this.main.getByRole('group')
  }
  get saved() {
    return this.main.getByRole('status').filter({ hasText: 'Saved on this device' })
  }
  get sendButton() {
    return this.main.getByRole('button', { name: 'Send my answers', exact: true })
  }
  /** The thank-you that replaces the form once the answers are sent or kept to send. */
  get thanks() {
    return this.main.getByRole('status').filter({ hasText: /^Thank you\./ })
  }
  get answersSavedOnDevice() {
    return this.thanks.getByText('Your answers are saved on this device and will be sent when it has a connection.', {
      exact: true,
    })
  }
  get answersSent() {
    return this.thanks.getByText('Your answers have been sent.', { exact: true })
  }
  get problem() {
    return this.main.getByRole('alert')
  }

  /** The answer a careful person gives each kind of question, told apart by its number of choices. */
  async answerFor(question: Locator): Promise<Answer> {
    // Counted only once the question has drawn its controls: a group can show its legend first.
    await question.getByRole('radio').or(question.getByRole('textbox')).first().waitFor()
    const choices = await question.getByRole('radio').count()
    if (choices === 0) return { write: 'Protected time for supervision every month.' }
    return { choose: choices === 5 ? 'Agree' : choices === 2 ? 'Yes' : '8' }
  }

  async answer(question: Locator, answer: Answer): Promise<void> {
    if ('write' in answer) await question.getByRole('textbox').fill(answer.write)
    else await question.getByRole('radio', { name: answer.choose, exact: true }).check()
  }

  /** Whether a question shows the answer (the chosen radio, or the text in the box). */
  async shows(question: Locator, answer: Answer): Promise<boolean> {
    if ('write' in answer) return (await question.getByRole('textbox').inputValue()) === answer.write
    return question.getByRole('radio', { name: answer.choose, exact: true }).isChecked()
  }
}

/** The list of surveys (/surveys). */
export class SurveysPage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }
  async open(): Promise<void> {
    await this.shell.nav.getByRole('link', { name: 'Surveys', exact: true }).click()
    await reachesPath(this.page, '/surveys')
    await shows(this.shell.heading('Surveys'))
  }
  resultsLink(title: string) {
    return this.page.getByRole('main').getByRole('link', { name: `Results of ${title}`, exact: true })
  }
}

/** A survey's results (/surveys/:id/results): a region per group. */
export class SurveyResultsPage {
  readonly shell: AppShell
  constructor(readonly page: Page) {
    this.shell = new AppShell(page)
  }
  get main() {
    return this.page.getByRole('main')
  }
  heading(title: string) {
    return this.shell.heading(`Results: ${title}`)
  }
  /** A group's region, named by its heading ("Achieving for Children (the whole organisation)"). */
  group(name: string | RegExp) {
    return this.main.getByRole('region', { name })
  }
  get organisation() {
    return this.group(/\(the whole organisation\)$/)
  }
  get withheldGroups() {
    return this.main.getByRole('region').filter({ hasText: /Withheld\. / })
  }
  get asOf() {
    return this.main.getByRole('status').getByText(/Results as of (today|yesterday) at \d{2}:\d{2}/)
  }
}
