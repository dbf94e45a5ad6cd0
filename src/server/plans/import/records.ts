import type { PlanDocument } from '../../../shared/plans/plan-document'

/**
 * What a plan document says, as the records it makes: one list per kind, each record
 * with its key and the fields the document owns. Fields the app owns (status, which
 * team leads it) are not here, so importing never overwrites them.
 * `idOf` gives the id a key stands for, told which kind of key and where it was written.
 */
export type KeyKind = 'area' | 'outcome' | 'plan' | 'recommendation' | 'theme' | 'action'
export type IdOf = (kind: KeyKind, key: string, path: string) => string

export interface DocumentRecord {
  key: string
  /** What a person reading a preview recognises it by. */
  label: string
  fields: Record<string, unknown>
}

/** In the order they are written: each kind refers only to kinds before it. */
export const importedKinds = [
  'area',
  'outcome',
  'plan',
  'recommendation',
  'theme',
  'action',
  'milestone',
  'measure',
  'risk',
  'section',
] as const
export type ImportedKind = (typeof importedKinds)[number]

const orNull = <T>(value: T | undefined): T | null => value ?? null
const provenance = (item: { source?: string; sourceNote?: string }) => ({
  source: orNull(item.source),
  sourceNote: orNull(item.sourceNote),
})
const short = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text)
const labelOf = (code: string | undefined, title: string) => short(code ? `${code} ${title}` : title)

export function recordsOfDocument(doc: PlanDocument, idOf: IdOf): Record<ImportedKind, DocumentRecord[]> {
  const ids = (kind: KeyKind, keys: string[], path: string) => keys.map((key, i) => idOf(kind, key, `${path}[${i}]`))
  const plan = doc.plan
  // A milestone's place among its own action's milestones, so dropping one elsewhere moves nothing.
  const perAction = new Map<string, number>()
  const milestonePositions = doc.milestones.map((m) => {
    const position = perAction.get(m.action) ?? 0
    perAction.set(m.action, position + 1)
    return position
  })
  return {
    area: doc.areas.map((area, position) => ({
      key: area.key,
      label: area.name,
      fields: { name: area.name, kind: area.kind, position },
    })),
    outcome: doc.outcomes.map((outcome, position) => ({
      key: outcome.key,
      label: labelOf(outcome.code, outcome.title),
      fields: {
        code: orNull(outcome.code),
        title: outcome.title,
        description: orNull(outcome.description),
        owner: orNull(outcome.owner),
        ...provenance(outcome),
        position,
      },
    })),
    plan: [
      {
        key: plan.key,
        label: plan.title,
        fields: {
          title: plan.title,
          subtitle: orNull(plan.subtitle),
          kind: plan.kind,
          periodStart: orNull(plan.periodStart),
          periodEnd: orNull(plan.periodEnd),
          periodText: orNull(plan.periodText),
          versionLabel: plan.versionLabel,
          status: plan.status,
          vision: orNull(plan.vision),
          documentControl: plan.documentControl,
          succeedsPlanId: plan.succeeds ? idOf('plan', plan.succeeds, 'plan.succeeds') : null,
          servesPlanIds: ids('plan', plan.serves.plans, 'plan.serves.plans'),
          servesOutcomeIds: ids('outcome', plan.serves.outcomes, 'plan.serves.outcomes'),
          source: plan.source,
          sourceNote: orNull(plan.sourceNote),
        },
      },
    ],
    recommendation: doc.recommendations.map((rec, position) => ({
      key: rec.key,
      label: short(`${rec.sourceTitle}: recommendation ${rec.number}`),
      fields: {
        sourceKind: rec.sourceKind,
        sourceTitle: rec.sourceTitle,
        sourceDate: orNull(rec.sourceDate),
        number: rec.number,
        text: orNull(rec.text),
        owner: orNull(rec.owner),
        ...provenance(rec),
        position,
      },
    })),
    theme: doc.themes.map((theme, position) => ({
      key: theme.key,
      label: labelOf(theme.code, theme.title),
      fields: {
        code: orNull(theme.code),
        title: theme.title,
        outcome: orNull(theme.outcome),
        rationale: orNull(theme.rationale),
        owners: theme.owners,
        focus: theme.focus,
        whatStaffSaid: theme.whatStaffSaid,
        outcomeIds: ids('outcome', theme.outcomes, `themes[${position}].outcomes`),
        recommendationIds: ids('recommendation', theme.recommendations, `themes[${position}].recommendations`),
        ...provenance(theme),
        position,
      },
    })),
    action: doc.actions.map((action, position) => ({
      key: action.key,
      label: labelOf(action.code, action.title ?? action.description),
      fields: {
        themeId: idOf('theme', action.theme, `actions[${position}].theme`),
        code: orNull(action.code),
        title: orNull(action.title),
        areaIds: ids('area', action.areas, `actions[${position}].areas`),
        description: action.description,
        leads: action.leads,
        successMeasure: orNull(action.successMeasure),
        successMeasureBy: orNull(action.successMeasureBy),
        yearMilestone: orNull(action.yearMilestone),
        yearMilestoneBy: orNull(action.yearMilestoneBy),
        baseline: orNull(action.baseline?.text),
        baselineAsAt: orNull(action.baseline?.asAt),
        impact: orNull(action.impact),
        risks: orNull(action.risk),
        monitoring: orNull(action.monitoring),
        activities: action.activities,
        externalRefs: action.externalRefs,
        recommendationIds: ids('recommendation', action.recommendations, `actions[${position}].recommendations`),
        outcomeIds: ids('outcome', action.outcomes, `actions[${position}].outcomes`),
        deadlineText: orNull(action.deadline?.text),
        dueDate: orNull(action.deadline?.date),
        ...provenance(action),
        position,
      },
    })),
    milestone: doc.milestones.map((milestone, index) => ({
      key: milestone.key,
      label: short(milestone.title),
      fields: {
        actionId: idOf('action', milestone.action, `milestones[${index}].action`),
        title: milestone.title,
        leads: milestone.leads,
        deadlineText: orNull(milestone.deadline?.text),
        dueDate: orNull(milestone.deadline?.date),
        monitoring: orNull(milestone.monitoring),
        ...provenance(milestone),
        position: milestonePositions[index],
      },
    })),
    measure: doc.measures.map((measure, position) => ({
      key: measure.key,
      label: short(measure.title),
      fields: {
        title: measure.title,
        unit: measure.unit,
        comparison: orNull(measure.comparison),
        direction: orNull(measure.direction),
        baseline: orNull(measure.baseline),
        targets: measure.targets,
        actuals: measure.actuals,
        benchmarks: measure.benchmarks,
        source: orNull(measure.source),
        sourceNote: orNull(measure.sourceNote),
        themeIds: ids('theme', measure.themes, `measures[${position}].themes`),
        actionIds: ids('action', measure.actions, `measures[${position}].actions`),
      },
    })),
    risk: doc.risks.map((risk, position) => ({
      key: risk.key,
      label: short(risk.title ?? risk.description),
      fields: {
        title: orNull(risk.title),
        description: risk.description,
        mitigations: risk.mitigations,
        owner: orNull(risk.owner),
        likelihood: orNull(risk.likelihood),
        impact: orNull(risk.impact),
        themeIds: ids('theme', risk.themes, `risks[${position}].themes`),
        actionIds: ids('action', risk.actions, `risks[${position}].actions`),
        ...provenance(risk),
        position,
      },
    })),
    section: doc.sections.map((section, position) => ({
      key: section.key,
      label: short(section.title),
      fields: {
        kind: section.kind,
        title: section.title,
        paragraphs: section.paragraphs,
        items: section.items,
        table: orNull(section.table),
        ...provenance(section),
        position,
      },
    })),
  }
}
