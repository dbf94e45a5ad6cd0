import { localDb, type LocalDatabase } from '../../db/database'
import { useLiveQuery } from '../../db/live-query'
import { inPlan } from '../../db/archived'
import { actionName, outcomeName, planName, recommendationName, themeName } from '../golden-thread/labels'
import type { SearchEntry } from './search'

const lower = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n').toLocaleLowerCase('en-GB')

/**
 * Everything search looks through, in every plan on the device, read once and again only
 * when sync writes; typing then filters this in memory instead of reading IndexedDB on
 * every keystroke. Themes, actions and milestones (thousands) keep their text ready from
 * the pull; the rest are a few dozen records and are lower-cased here. Archived records are
 * out of the plan, and so out of search: a milestone with its project.
 */
export async function loadSearchEntries(db: LocalDatabase): Promise<SearchEntry[]> {
  const [plans, themes, actions, allMilestones, values, measures, outcomes, recommendations, sections] =
    await Promise.all([
      db.plans.toArray(),
      db.themes.orderBy('position').toArray().then(inPlan),
      db.actions.toArray().then(inPlan),
      db.milestones.toArray().then(inPlan),
      db.values.orderBy('position').toArray(),
      db.measures.toArray().then(inPlan),
      db.outcomes.orderBy('position').toArray().then(inPlan),
      db.recommendations.toArray().then(inPlan),
      db.sections.toArray(),
    ])
  const planTitles = new Map(plans.map((plan) => [plan.id, planName(plan)]))
  const actionPlans = new Map(actions.map((action) => [action.id, action.planId]))
  const milestones = allMilestones.filter((milestone) => actionPlans.has(milestone.actionId))
  const ofPlan = (planId: string | undefined) => (planId ? { planTitle: planTitles.get(planId), planId } : {})
  actions.sort((a, b) => a.position - b.position)
  recommendations.sort((a, b) => a.position - b.position)
  sections.sort((a, b) => a.position - b.position)
  return [
    ...outcomes.map((o): SearchEntry => ({
      kind: 'outcome',
      id: o.id,
      title: outcomeName(o),
      text: lower(o.code, o.title, o.description, o.owner),
      opens: { name: 'outcome', id: o.id },
    })),
    ...recommendations.map((r): SearchEntry => ({
      kind: 'recommendation',
      id: r.id,
      title: recommendationName(r),
      ...ofPlan(r.planId),
      opens: { name: 'recommendation', id: r.id },
      text: lower(recommendationName(r), r.sourceTitle, r.text, r.owner),
    })),
    ...themes.map((t): SearchEntry => ({
      kind: 'theme',
      id: t.id,
      title: themeName(t),
      text: t.searchText,
      ...ofPlan(t.planId),
      opens: { name: 'theme', id: t.id },
    })),
    ...values.map((v): SearchEntry => ({
      kind: 'value',
      id: v.id,
      title: v.name,
      text: lower(v.name, v.meaning, ...v.behaviours),
    })),
    ...actions.map((a): SearchEntry => ({
      kind: 'action',
      id: a.id,
      title: actionName(a),
      text: a.searchText,
      ...ofPlan(a.planId),
      opens: { name: 'action', id: a.id },
    })),
    ...measures.map((m): SearchEntry => {
      const actionId = m.actionIds[0]
      const opens = actionId ? { opens: { name: 'action' as const, id: actionId } } : {}
      return {
        kind: 'measure',
        id: m.id,
        title: m.title,
        text: lower(m.title, m.comparison, m.source),
        ...ofPlan(m.planId),
        ...opens,
      }
    }),
    ...milestones.map((m): SearchEntry => ({
      kind: 'milestone',
      id: m.id,
      title: m.title,
      text: m.searchText,
      ...ofPlan(actionPlans.get(m.actionId)),
      opens: { name: 'milestone', id: m.id },
    })),
    ...sections.map((s): SearchEntry => ({
      kind: 'section',
      id: s.id,
      title: s.title,
      ...ofPlan(s.planId),
      text: lower(
        s.title,
        ...s.paragraphs,
        ...s.items.flatMap((i) => [i.title, i.text, ...i.points]),
        s.table?.caption,
        ...(s.table?.columns ?? []),
      ),
    })),
  ]
}

export const useSearchEntries = () => useLiveQuery(() => loadSearchEntries(localDb))
