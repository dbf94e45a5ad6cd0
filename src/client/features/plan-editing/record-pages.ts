import type { RouteLocationNamedRaw } from 'vue-router'
import type { EditableType } from '../../../shared/plans/editable-records'
import type { EditScreen } from './queries'

/**
 * Where a record is read after it is saved (`own`), or where its lists are after it is
 * archived (`parent`).
 */
export function pageOf(
  type: EditableType,
  id: string,
  screen: Pick<EditScreen, 'plan' | 'actionId'>,
  which: 'own' | 'parent' = 'own',
): RouteLocationNamedRaw {
  const plan = screen.plan ? { name: 'plan', params: { id: screen.plan.id } } : { name: 'plans' }
  if (which === 'parent')
    return type === 'milestone' && screen.actionId ? { name: 'action', params: { id: screen.actionId } } : plan
  switch (type) {
    case 'plan':
      return { name: 'plan', params: { id } }
    case 'action':
      return { name: 'action', params: { id } }
    case 'milestone':
    case 'theme':
    case 'outcome':
    case 'recommendation':
    case 'measure':
    case 'risk':
      return { name: type, params: { id } }
  }
}

/** The address of the form for a record, or for a new one in a plan or project. */
export const editPageOf = (type: EditableType, id: string): RouteLocationNamedRaw => ({
  name: 'edit-record',
  params: { type, id },
})
/** `preset`: fields the new record's form starts with, by name (a project's theme, from the theme's page). */
export const addPageOf = (
  type: EditableType,
  parentId?: string,
  preset: Record<string, string> = {},
): RouteLocationNamedRaw => ({
  name: 'add-record',
  params: { type },
  query: { ...(parentId ? { in: parentId } : {}), ...preset },
})
