import type { Mutation } from '../../shared/sync/mutations'

/** Every id a batch of mutations refers to, by what it is, so the batch's context is read in one query per kind. */
export function referencedIds(mutations: Mutation[]) {
  const actionIds = new Set<string>()
  const milestoneIds = new Set<string>()
  const assignmentIds = new Set<string>()
  const attachmentIds = new Set<string>()
  const personIds = new Set<string>()
  const teamIds = new Set<string>()
  const newRecordIds = new Set<string>()
  const surveyIds = new Set<string>()
  const areaIds = new Set<string>()
  const measureIds = new Set<string>()
  const statusIds = new Set<string>()
  for (const m of mutations) {
    if (m.kind === 'survey.submit' || m.kind === 'survey.close') surveyIds.add(m.data.surveyId)
    if (m.kind === 'survey.create') {
      newRecordIds.add(m.data.id)
      if (m.data.previousSurveyId) surveyIds.add(m.data.previousSurveyId)
      if (m.data.audience.kind === 'teams') m.data.audience.teamIds.forEach((id) => teamIds.add(id))
      if (m.data.audience.kind === 'areas') m.data.audience.areaIds.forEach((id) => areaIds.add(id))
      m.data.measureLinks.forEach((link) => measureIds.add(link.measureId))
    }
    if (m.kind === 'progress.post' || m.kind === 'evidence.add' || m.kind === 'assignment.add')
      newRecordIds.add(m.data.id)
    switch (m.kind) {
      case 'progress.post':
        actionIds.add(m.data.actionId)
        if (m.data.setsStatus) statusIds.add(m.data.actionId)
        break
      case 'status.set':
        ;(m.data.entity === 'action' ? actionIds : milestoneIds).add(m.data.entityId)
        statusIds.add(m.data.entityId)
        break
      case 'evidence.add':
        actionIds.add(m.data.actionId)
        if (m.data.milestoneId) milestoneIds.add(m.data.milestoneId)
        for (const a of m.data.attachments) attachmentIds.add(a.id)
        break
      case 'assignment.add':
        if (m.data.actionId) actionIds.add(m.data.actionId)
        if (m.data.milestoneId) milestoneIds.add(m.data.milestoneId)
        if (m.data.personId) personIds.add(m.data.personId)
        if (m.data.teamId) teamIds.add(m.data.teamId)
        break
      case 'assignment.remove':
        assignmentIds.add(m.data.id)
        break
    }
  }
  return {
    actionIds,
    milestoneIds,
    assignmentIds,
    attachmentIds,
    personIds,
    teamIds,
    newRecordIds,
    surveyIds,
    areaIds,
    measureIds,
    statusIds,
  }
}
