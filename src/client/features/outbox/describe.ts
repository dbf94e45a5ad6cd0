import type { Mutation } from '../../../shared/sync/mutations'
import { statusLabels } from '../../ui/status-labels'
import { statusOfRag } from '../../../shared/status-language'

/** A queued change in a sentence, for the list of changes on this device. */
export function describeChange(mutation: Mutation, titleOf: (id: string) => string): string {
  switch (mutation.kind) {
    case 'progress.post':
      return `${statusLabels[statusOfRag[mutation.data.rag]].label} update on ${titleOf(mutation.data.actionId)}`
    case 'status.set':
      return `${mutation.data.entity === 'action' ? 'Project' : 'Milestone'} “${titleOf(mutation.data.entityId)}” set to ${statusLabels[mutation.data.status].label}`
    case 'evidence.add': {
      const files = mutation.data.attachments.length
      return `Evidence on ${titleOf(mutation.data.milestoneId ?? mutation.data.actionId)}${files ? ` with ${files === 1 ? '1 file' : `${files} files`}` : ''}`
    }
    case 'assignment.add':
      return `Assignment of ${titleOf(mutation.data.milestoneId ?? mutation.data.actionId ?? '')}`
    case 'assignment.remove':
      return 'Removal of an assignment'
    case 'survey.create':
      return `New survey “${mutation.data.title}”`
    case 'survey.close':
      return 'Closing a survey'
    case 'survey.submit':
      return 'Your answers to a survey'
  }
}
