import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../../db/database'
import { deviceWithPlan } from '../../../../tests/support/mount-view'
import { actionEvidence, addThreadRecords, milestone, milestoneEvidence } from '../golden-thread/test-thread'
import { loadMilestoneDetail } from './queries'

beforeEach(async () => {
  await deviceWithPlan()
  await addThreadRecords()
})

describe('a milestone', () => {
  it("keeps only the milestone's own evidence, with the action it belongs to", async () => {
    const detail = await loadMilestoneDetail(localDb, milestone.id)
    expect(detail?.action?.id).toBe(milestone.actionId)
    expect(detail?.evidence.map((item) => item.evidence.id)).toEqual([milestoneEvidence.id])
    expect(detail?.evidence.map((item) => item.evidence.id)).not.toContain(actionEvidence.id)
  })
})
