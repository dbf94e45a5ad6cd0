import type { EditableType } from '../../../shared/plans/editable-records'
import { measureDirections, measureUnits } from '../../../shared/plan-records'

/**
 * How each field of a plan record is edited on a tablet. The kinds of control are few:
 * a record's schema (src/shared) says what a value may be, this says how a person gives it.
 */
export type FieldInput =
  | { kind: 'text' | 'long' | 'date' | 'number' | 'yes-no' }
  | { kind: 'choice'; options: readonly { value: string; label: string }[] }
  /** One record of the organisation or the plan, or none. */
  | { kind: 'one'; of: Pickable }
  /** Any number of them, as checkboxes. */
  | { kind: 'some'; of: Pickable }
  /** A list of short texts, one per line. */
  | { kind: 'lines' }
  /** Leads as written in plans: a role, and after a colon the person, one per line. */
  | { kind: 'leads' }
  /** A measure's targets: a figure and the date it is due by, row by row. */
  | { kind: 'targets' }

export type Pickable = 'person' | 'team' | 'area' | 'theme' | 'action' | 'outcome' | 'recommendation'

export interface FormField {
  name: string
  label: string
  hint?: string
  input: FieldInput
}

const text = (name: string, label: string, hint?: string): FormField => ({ name, label, hint, input: { kind: 'text' } })
const long = (name: string, label: string, hint?: string): FormField => ({ name, label, hint, input: { kind: 'long' } })
const date = (name: string, label: string): FormField => ({ name, label, input: { kind: 'date' } })
const one = (name: string, label: string, of: Pickable): FormField => ({ name, label, input: { kind: 'one', of } })
const some = (name: string, label: string, of: Pickable, hint?: string): FormField => ({
  name,
  label,
  hint,
  input: { kind: 'some', of },
})
const choice = (name: string, label: string, options: readonly [string, string][]): FormField => ({
  name,
  label,
  input: { kind: 'choice', options: options.map(([value, label]) => ({ value, label })) },
})
const leads: FormField = {
  name: 'leads',
  label: 'Leads, as the plan names them',
  hint: 'One per line: the role, then a colon and the person if the plan names one. For example “Head of Service: Sam Lee”.',
  input: { kind: 'leads' },
}
const deadline = [
  text('deadlineText', 'Deadline, as the plan writes it', 'For example “March 2026 and ongoing”.'),
  date('dueDate', 'Due date'),
]

const unitWords: Record<(typeof measureUnits)[number], string> = {
  percent: 'Per cent',
  count: 'A count',
  pounds: 'Pounds',
  days: 'Days',
  score: 'A score',
  rate: 'A rate',
  text: 'Words, not a figure',
}

/** The fields of each record type's form, in the order a plan reads them. */
export const formFields: Record<EditableType, readonly FormField[]> = {
  plan: [
    text('title', 'Title'),
    text('subtitle', 'Subtitle'),
    text('versionLabel', 'Version', 'For example “2026 to 2027” or “Draft 2”.'),
    text('periodText', 'Period, as the plan writes it'),
    date('periodStart', 'Starts'),
    date('periodEnd', 'Ends'),
    long('vision', 'Vision'),
    some('servesOutcomeIds', 'Outcomes it serves', 'outcome'),
    {
      name: 'signOffRequired',
      label: 'Completing a project or milestone needs sign-off by its lead or a plan admin',
      input: { kind: 'yes-no' },
    },
  ],
  theme: [
    text('code', 'Code', 'Optional. For example “T2”.'),
    text('title', 'Title'),
    long('outcome', 'The outcome it aims for'),
    long('rationale', 'Why it matters'),
    some('outcomeIds', 'Outcomes it serves', 'outcome'),
    some('recommendationIds', 'Recommendations it answers', 'recommendation'),
  ],
  action: [
    one('themeId', 'Theme', 'theme'),
    text('code', 'Code', 'Optional. For example “K9”.'),
    text('title', 'Title', 'Optional: many plans give only the description.'),
    long('description', 'What will be done'),
    one('leadTeamId', 'Lead team', 'team'),
    one('leadPersonId', 'Lead in the app', 'person'),
    leads,
    some('areaIds', 'Areas', 'area', 'None chosen means the whole organisation.'),
    long('yearMilestone', 'What we will achieve this year'),
    date('yearMilestoneBy', 'Achieved by'),
    long('successMeasure', 'How we will know we have been successful'),
    date('successMeasureBy', 'Successful by'),
    long('baseline', 'Where we are now'),
    text('baselineAsAt', 'Where we are now: as at'),
    long('impact', 'Indication of impact'),
    long('risks', 'Risks'),
    long('monitoring', 'How it is monitored'),
    ...deadline,
    some('outcomeIds', 'Outcomes it serves', 'outcome'),
    some('recommendationIds', 'Recommendations it answers', 'recommendation'),
  ],
  milestone: [
    text('title', 'Title'),
    one('ownerPersonId', 'Owner in the app', 'person'),
    leads,
    ...deadline,
    long('monitoring', 'How it is monitored'),
  ],
  measure: [
    text('title', 'Title'),
    choice(
      'unit',
      'Measured in',
      measureUnits.map((unit) => [unit, unitWords[unit]]),
    ),
    choice('direction', 'Better is', [
      ['', 'Not stated'],
      ...measureDirections.map((direction): [string, string] => [direction, direction.split('-')[0]!]),
    ]),
    text('comparison', 'Compared with', 'For example “statistical neighbours”.'),
    { name: 'targets', label: 'Targets', input: { kind: 'targets' } },
    {
      name: 'tolerancePercent',
      label: 'Tolerance, in per cent of the target',
      hint: 'How far short of its target a figure is amber rather than red.',
      input: { kind: 'number' },
    },
    one('ownerPersonId', 'Who records its figures', 'person'),
    some('actionIds', 'Projects it measures', 'action'),
    some('themeIds', 'Themes it measures', 'theme'),
  ],
  risk: [
    text('title', 'Title'),
    long('description', 'The risk'),
    { name: 'mitigations', label: 'Mitigations', hint: 'One per line.', input: { kind: 'lines' } },
    text('owner', 'Owner, as the plan names them'),
    one('ownerPersonId', 'Who rates it in the app', 'person'),
    date('reviewDate', 'Next review'),
    some('actionIds', 'Projects it threatens', 'action'),
    some('themeIds', 'Themes it threatens', 'theme'),
  ],
  recommendation: [
    choice('sourceKind', 'Made by', [
      ['ofsted-inspection', 'An Ofsted inspection'],
      ['safeguarding-board', 'A safeguarding board'],
      ['peer-review', 'A peer review'],
      ['other', 'Someone else'],
    ]),
    text('sourceTitle', 'Report'),
    date('sourceDate', 'Report date'),
    text('number', 'Number in the report'),
    long('text', 'The recommendation'),
    text('owner', 'Owner'),
  ],
  outcome: [text('code', 'Code'), text('title', 'Title'), long('description', 'Description'), text('owner', 'Owner')],
}
