import { startApp } from '../support/app-server'
import { practitioner, SignInPage } from '../e2e/page-models/sign-in-page'
import { OpenSurveysPanel, SurveyAnswerPage, openSurvey } from '../e2e/page-models/survey-pages'
import { openDeviceProfile } from './device'
import type { Figure } from './report'

/**
 * A person answering the demo's open values survey with no signal, in real Chromium:
 * the time from choosing "Answer …" on My team to the questions on screen, and from
 * "Send my answers" to the thank-you (the answers are in the outbox by then). The
 * time spent choosing answers is the person's, not the app's, and is left out.
 */
export async function benchSurveyOffline(appDir: string): Promise<{ figures: Figure[]; details: unknown }> {
  const app = await startApp({ staticDir: appDir })
  const device = await openDeviceProfile(app.origin)
  const { context } = device
  try {
    const page = await context.newPage()
    const signIn = new SignInPage(page)
    await signIn.open()
    await signIn.submitAs(practitioner)
    const offered = new OpenSurveysPanel(page)
    await offered.answerLink(openSurvey).waitFor({ timeout: 30_000 })
    await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)')
    if (!(await page.evaluate('navigator.serviceWorker.controller !== null'))) await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })

    await app.goOffline()
    await context.setOffline(true)
    await page.reload()
    await offered.answerLink(openSurvey).waitFor({ timeout: 20_000 })

    const survey = new SurveyAnswerPage(page)
    const openStart = performance.now()
    await offered.answerLink(openSurvey).click()
    await survey.questions.first().waitFor({ timeout: 20_000 })
    const openMs = performance.now() - openStart

    const count = await survey.questions.count()
    for (let n = 0; n < count; n++) {
      const question = survey.questions.nth(n)
      await survey.answer(question, await survey.answerFor(question))
    }
    const sendStart = performance.now()
    await survey.sendButton.click()
    await survey.thanks.waitFor({ timeout: 20_000 })
    const sendMs = performance.now() - sendStart
    const queued = await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open('golden-thread')
      open.onsuccess = () => {
        const count = open.result.transaction('outbox').objectStore('outbox').count()
        count.onsuccess = () => resolve(count.result)
      }
    })`)

    const bench = 'Survey offline'
    return {
      figures: [
        {
          bench,
          name: '"Answer …" on My team → questions on screen',
          value: openMs,
          unit: 'ms',
          note: `${count} questions, no network`,
        },
        {
          bench,
          name: '"Send my answers" → thank-you, answers in the outbox',
          value: sendMs,
          unit: 'ms',
          note: `${String(queued)} change waiting in the outbox`,
        },
      ],
      details: { openMs, sendMs, questions: count, queued },
    }
  } finally {
    await device.close()
    await app.stop()
  }
}
