import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../db/database'
import { applyPullPage } from '../db/apply-pull'
import { clearLocalData } from '../db/reset'
import { readMeta, writeMeta } from '../db/meta'
import { updatesOfAction } from '../db/grouped'
import { actions, milestones, person } from '../../../tests/support/plan-records'
import { discardChange, queueChange, retryChange, waitingChanges } from './outbox'
import { backoffDelay } from './store'

const k2 = actions[2]!
const milestone = milestones[0]!

describe('the outbox', () => {
  beforeEach(async () => {
    await clearLocalData(localDb)
    await localDb.actions.bulkPut(actions.map((a) => ({ ...a, searchText: '' })))
    await localDb.milestones.bulkPut(milestones.map((m) => ({ ...m, searchText: '' })))
  })

  it('keeps changes in order, each with a device-made id, and shows them on the device at once', async () => {
    const first = await queueChange(localDb, person.id, {
      kind: 'progress.post',
      data: {
        id: crypto.randomUUID(),
        actionId: k2.id,
        rag: 'amber',
        commentary: 'Waiting on the CCG.',
        setsStatus: false,
      },
    })
    const second = await queueChange(localDb, person.id, {
      kind: 'status.set',
      data: { entity: 'milestone', entityId: milestone.id, status: 'complete' },
    })
    const waiting = await waitingChanges(localDb)
    expect(waiting.map((e) => e.id)).toEqual([first.id, second.id])
    expect(waiting[0]!.seq! < waiting[1]!.seq!).toBe(true)
    expect(new Set(waiting.map((e) => e.mutation.deviceId)).size).toBe(1)
    expect(await readMeta(localDb, 'deviceId')).toBe(waiting[0]!.mutation.deviceId)
    expect((await updatesOfAction(localDb, k2.id))[0]).toMatchObject({ rag: 'amber', authorId: person.id })
    expect((await localDb.milestones.get(milestone.id))?.status).toBe('complete')
  })

  it('keeps a waiting change on screen when a pull brings the server’s older copy', async () => {
    await queueChange(localDb, person.id, {
      kind: 'status.set',
      data: { entity: 'milestone', entityId: milestone.id, status: 'complete' },
    })
    await applyPullPage(localDb, {
      changes: [
        { type: 'milestone', op: 'put', version: 500, data: { ...milestone, status: 'on-track', version: 500 } },
      ],
      checkpoint: 500,
      hasMore: false,
    })
    expect((await localDb.milestones.get(milestone.id))?.status).toBe('complete')
  })

  it('lets a refused change be tried again or discarded, undoing what it showed', async () => {
    const update = await queueChange(localDb, person.id, {
      kind: 'progress.post',
      data: { id: crypto.randomUUID(), actionId: k2.id, rag: 'green', commentary: '', setsStatus: false },
    })
    const entry = await localDb.outbox.where('id').equals(update.id).first()
    await localDb.outbox.update(entry!.seq!, { state: 'refused', reason: 'Not yours.' })
    expect(await waitingChanges(localDb)).toHaveLength(0)
    await retryChange(localDb, entry!.seq!)
    expect((await waitingChanges(localDb)).map((e) => e.id)).toEqual([update.id])
    await discardChange(localDb, entry!.seq!)
    expect(await localDb.outbox.count()).toBe(0)
    expect(await localDb.updatesByAction.count()).toBe(0)
  })

  it('shows an update that sets the status at once, and on discard asks the server for everything again rather than guess the status before', async () => {
    await writeMeta(localDb, 'checkpoint', 42)
    const update = await queueChange(localDb, person.id, {
      kind: 'progress.post',
      data: {
        id: crypto.randomUUID(),
        actionId: k2.id,
        rag: 'red',
        commentary: 'The panel has not met.',
        setsStatus: true,
      },
    })
    expect((await localDb.actions.get(k2.id))?.status).toBe('off-track')
    expect((await localDb.actions.get(k2.id))?.statusMutationId).toBe(update.id)
    const entry = await localDb.outbox.where('id').equals(update.id).first()
    await discardChange(localDb, entry!.seq!)
    expect(await localDb.updatesByAction.count()).toBe(0)
    expect(await readMeta(localDb, 'checkpoint')).toBeUndefined()
  })

  it('marks a survey answered at once, and forgets it when the answers are discarded', async () => {
    const surveyId = crypto.randomUUID()
    const answers = await queueChange(localDb, person.id, {
      kind: 'survey.submit',
      data: { surveyId, answers: {} },
    })
    expect(await localDb.answeredSurveys.get(surveyId)).toEqual({ surveyId })
    const entry = await localDb.outbox.where('id').equals(answers.id).first()
    await discardChange(localDb, entry!.seq!)
    expect(await localDb.answeredSurveys.get(surveyId)).toBeUndefined()
  })

  it('stores files as bytes with the change, all or nothing', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 test').buffer
    const fileId = crypto.randomUUID()
    const entry = await queueChange(
      localDb,
      person.id,
      {
        kind: 'evidence.add',
        data: {
          id: crypto.randomUUID(),
          actionId: k2.id,
          milestoneId: null,
          note: 'Signed protocol',
          attachments: [{ id: fileId, name: 'protocol.pdf', mediaType: 'application/pdf', size: bytes.byteLength }],
        },
      },
      [{ id: fileId, name: 'protocol.pdf', mediaType: 'application/pdf', size: bytes.byteLength, bytes }],
    )
    const upload = await localDb.uploads.where('mutationId').equals(entry.id).first()
    expect(upload?.sentBytes).toBe(0)
    expect(new Uint8Array(upload!.bytes)[0]).toBe(0x25)
    expect(await localDb.attachments.count()).toBe(1)
  })
})

describe('retry timing', () => {
  it('backs off exponentially to five minutes, with jitter', () => {
    expect(backoffDelay(1, () => 0)).toBe(2000)
    expect(backoffDelay(3, () => 0)).toBe(8000)
    expect(backoffDelay(30, () => 0)).toBe(300_000)
    expect(backoffDelay(1, () => 0.99)).toBeGreaterThan(2000)
    expect(backoffDelay(1, () => 0.99)).toBeLessThan(2700)
  })
})
