import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan } from '../../../../tests/support/mount-view'
import { ids, person } from '../../../../tests/support/plan-records'
import { addEvidence } from './mutations'
import { loadEvidence } from './queries'

const k2 = '00000000-0000-4000-8000-000000000103'
const k1 = '00000000-0000-4000-8000-000000000102'
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

describe('loadEvidence', () => {
  beforeEach(async () => {
    await deviceWithPlan()
  })

  it("lists a project's evidence newest first, with authors, attachments and what is still waiting", async () => {
    await localDb.evidence.bulkPut([
      {
        id: uuid(900),
        version: 5,
        actionId: k2,
        milestoneId: null,
        note: 'Older',
        authorId: ids.person,
        madeAt: '2024-01-10T09:00:00Z',
        receivedAt: '2024-01-10T09:01:00Z',
      },
      {
        id: uuid(901),
        version: 6,
        actionId: k2,
        milestoneId: null,
        note: 'By someone unknown here',
        authorId: uuid(999),
        madeAt: '2024-02-10T09:00:00Z',
        receivedAt: '2024-02-10T09:01:00Z',
      },
      {
        id: uuid(902),
        version: 7,
        actionId: k1,
        milestoneId: null,
        note: 'Another project',
        authorId: ids.person,
        madeAt: '2024-03-10T09:00:00Z',
        receivedAt: '2024-03-10T09:01:00Z',
      },
    ])
    await localDb.attachments.bulkPut([
      { id: uuid(910), version: 5, evidenceId: uuid(900), name: 'board.jpg', mediaType: 'image/jpeg', size: 1000 },
      {
        id: uuid(911),
        version: 5,
        evidenceId: uuid(900),
        name: 'minutes.pdf',
        mediaType: 'application/pdf',
        size: 2000,
      },
    ])
    await addEvidence({
      personId: ids.person,
      actionId: k2,
      milestoneId: null,
      note: 'Newest, not sent yet',
      photos: [],
      files: [new File([new Uint8Array(10)], 'agenda.pdf', { type: 'application/pdf' })],
    })

    const items = await loadEvidence(localDb, k2)
    expect(items.map((item) => item.evidence.note)).toEqual([
      'Newest, not sent yet',
      'By someone unknown here',
      'Older',
    ])
    expect(items.map((item) => item.waiting)).toEqual([true, false, false])
    expect(items.map((item) => item.authorName)).toEqual([person.name, undefined, person.name])
    expect(items[0]!.attachments).toMatchObject([{ name: 'agenda.pdf', isPhoto: false, hasLocalBytes: true }])
    expect(items[2]!.attachments).toMatchObject([
      { name: 'board.jpg', isPhoto: true, hasLocalBytes: false },
      { name: 'minutes.pdf', isPhoto: false, hasLocalBytes: false },
    ])
    expect(await loadEvidence(localDb, uuid(12345))).toEqual([])
  })

  it('stops marking evidence as waiting once the server has it, and still knows its bytes are here', async () => {
    const entry = await addEvidence({
      personId: ids.person,
      actionId: k2,
      milestoneId: null,
      note: 'Sent',
      photos: [],
      files: [new File([new Uint8Array(10)], 'agenda.pdf', { type: 'application/pdf' })],
    })
    await localDb.outbox.where('id').equals(entry.id).delete()
    const [item] = await loadEvidence(localDb, k2)
    expect(item!.waiting).toBe(false)
    expect(item!.attachments[0]!.hasLocalBytes).toBe(true)
  })
})
