import { z } from 'zod'
import { ragSchema } from '../../entities'
import { canContribute, canSetStatus } from '../../permissions'
import { pgText } from '../../pg-values'
import { quarterOf } from '../../sync/quarter'
import { statusLabels, statusOfRag } from '../../status-language'
import type { ChangeDefinition } from '../definition'
import { changeStatus, refuse, type Write } from '../decision'
import { readOnlyRefusal } from '../plan-record-checks'
import { envelope, id } from '../envelope'

/** A quarterly update on a project: a RAG and a commentary; from someone who may set the status, it sets it. */
export const progressPostSchema = z.object({
  ...envelope,
  kind: z.literal('progress.post'),
  data: z
    .object({
      id,
      actionId: id,
      rag: ragSchema,
      commentary: pgText(4000, { trim: true }),
      /**
       * The device's person may set the project's status, so this update is meant to set it
       * (status-language.ts). The server checks the permission again; without it the update is a comment.
       */
      setsStatus: z.boolean().default(false),
    })
    .refine((update) => update.rag === 'green' || update.commentary.length >= 10, {
      message: 'Amber and red need a commentary saying what is being done (at least 10 characters).',
      path: ['commentary'],
    }),
})
type Data = z.infer<typeof progressPostSchema>['data']

export const progressPost: ChangeDefinition<Data> = {
  createsId: (data) => data.id,
  subject: (data) => data.id,
  refers(data, refs) {
    refs.newRecordIds.add(data.id)
    refs.actionIds.add(data.actionId)
    if (data.setsStatus) refs.statusIds.add(data.actionId)
  },
  decide(data, { who, context, mutationId, madeAt, receivedAt }) {
    const scope = context.scopes.get(data.actionId)
    if (!scope) return refuse('This action is not in your organisation’s plan.')
    const readOnly = readOnlyRefusal(scope.planStatus)
    if (readOnly) return refuse(readOnly)
    if (!canContribute(who, scope)) return refuse('You can post updates only on actions assigned to you or your team.')
    const period = quarterOf(madeAt)
    const writes: Write[] = [
      {
        kind: 'insert',
        table: 'progress_updates',
        record: {
          id: data.id,
          actionId: data.actionId,
          period,
          rag: data.rag,
          commentary: data.commentary,
          authorId: who.id,
          madeAt,
          receivedAt,
        },
      },
    ]
    const details: Record<string, unknown> = { rag: data.rag, period, commentary: data.commentary }
    // Only someone who may set the status makes an update the project's status; anyone else's is a comment.
    const target = context.actions.get(data.actionId)
    if (data.setsStatus && target && canSetStatus(who, scope, scope.teamsOfAssignedPeople)) {
      const status = statusOfRag[data.rag]
      const change = changeStatus(target, 'actions', status, madeAt, who.id, mutationId)
      details.status = status
      if (change) writes.push(change)
      else details.statusSuperseded = true
    }
    return {
      outcome: 'applied',
      writes,
      history: {
        actionId: data.actionId,
        entityType: 'progressUpdate',
        entityId: data.id,
        change: 'progress.post',
        details,
      },
    }
  },
  async onDevice(data, copy, { authorId, mutationId, madeAt }) {
    const { id, actionId, rag, commentary, setsStatus } = data
    await copy.putUpdate({
      id,
      version: 0,
      actionId,
      period: quarterOf(madeAt),
      rag,
      commentary,
      authorId,
      madeAt,
      receivedAt: '',
    })
    if (setsStatus)
      await copy.setStatus('action', actionId, {
        status: statusOfRag[rag],
        statusSetAt: madeAt,
        statusSetBy: authorId,
        statusMutationId: mutationId,
      })
  },
  // The update goes; a status it set is the server's to give back, at the next pull.
  async undo(data, copy) {
    await copy.deleteUpdate(data.id, data.actionId)
    if (data.setsStatus) await copy.pullEverythingAgain()
  },
  describe: (data, titleOf) => `${statusLabels[statusOfRag[data.rag]].label} update on ${titleOf(data.actionId)}`,
}
