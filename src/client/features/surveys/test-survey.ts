import { vi } from 'vitest'
import type { Survey } from '../../../shared/surveys'
import { ids, values } from '../../../../tests/support/plan-records'

/** Fixtures for this folder's tests: a survey as the device holds it after a pull. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

export function testSurvey(overrides: Partial<Survey> = {}): Survey {
  return {
    id: uuid(700),
    version: 40,
    title: 'Values survey, test round',
    introduction: 'Tell us how far you experience our values.',
    questions: [
      {
        id: uuid(701),
        kind: 'agreement',
        key: 'value-trust',
        valueId: values[0]!.id,
        text: 'I experience our value of trust.',
      },
      {
        id: uuid(702),
        kind: 'yes-no',
        key: 'know-priorities',
        valueId: null,
        text: "Do you know your team's priorities?",
      },
      {
        id: uuid(703),
        kind: 'scale',
        key: 'recommend',
        valueId: null,
        text: 'How likely are you to recommend working here?',
      },
      { id: uuid(704), kind: 'free-text', key: 'one-thing', valueId: null, text: 'What one thing would help you?' },
    ],
    audience: { kind: 'organisation' },
    opensOn: day(-5),
    closesOn: day(10),
    minimumGroup: 10,
    measureLinks: [],
    previousSurveyId: null,
    createdBy: ids.person,
    ...overrides,
  }
}

/**
 * The shared test router knows no /surveys routes, so links to them warn "No match
 * found". Those warnings, and only those, are kept out of the test output.
 */
export function quietSurveyRouteWarnings() {
  const warn = console.warn.bind(console)
  return vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (/No match found for location with path "\/surveys/.test(String(args[0]))) return
    warn(...args)
  })
}
