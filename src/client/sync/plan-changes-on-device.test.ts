import { beforeEach, describe, expect, it } from 'vitest'
import { localDb } from '../db/database'
import { applyPullPage } from '../db/apply-pull'
import { clearLocalData } from '../db/reset'
import { readMeta, writeMeta } from '../db/meta'
import { actions, person } from '../../../tests/support/plan-records'
import { searchTextOf } from '../db/search-text'
import { discardChange, queueChange } from './outbox'

const k2 = actions[2]!

// Plan editing's and monitoring's changes (src/shared/changes/kinds/record-*.ts, measure-actual.ts, risk-assess.ts)
// as the device shows them before the server has them.
describe('changes to the plan on the device', () => {
  beforeEach(async () => {
    await clearLocalData(localDb)
    await localDb.actions.bulkPut(actions.map((a) => ({ ...a, searchText: searchTextOf(a) })))
    await writeMeta(localDb, 'checkpoint', 400)
  })

  it('an edit shows at once, search included, and stays over a pull of the server’s older copy', async () => {
    await queueChange(localDb, person.id, {
      kind: 'record.edit',
      data: { type: 'action', id: k2.id, fields: { title: 'Foster carers for teenagers', dueDate: '2027-03-31' } },
    })
    const shown = await localDb.actions.get(k2.id)
    expect(shown).toMatchObject({ title: 'Foster carers for teenagers', dueDate: '2027-03-31' })
    expect(shown!.searchText).toContain('foster carers for teenagers')
    await applyPullPage(localDb, {
      changes: [{ type: 'action', op: 'put', version: 500, data: { ...k2, monitoring: 'Monthly', version: 500 } }],
      checkpoint: 500,
      hasMore: false,
    })
    // The server's other field arrives; the waiting edit is laid on top again.
    expect(await localDb.actions.get(k2.id)).toMatchObject({
      title: 'Foster carers for teenagers',
      monitoring: 'Monthly',
    })
  })

  it('a discarded edit has the device pull everything again, as what it replaced is the server’s', async () => {
    const entry = await queueChange(localDb, person.id, {
      kind: 'record.edit',
      data: { type: 'action', id: k2.id, fields: { title: 'Changed my mind' } },
    })
    await discardChange(localDb, (await localDb.outbox.get({ id: entry.id }))!.seq!)
    expect(await readMeta(localDb, 'checkpoint')).toBeUndefined()
    expect(await localDb.outbox.count()).toBe(0)
  })

  it('a record made on the device is whole at once, and gone again when its making is discarded', async () => {
    const id = crypto.randomUUID()
    const entry = await queueChange(localDb, person.id, {
      kind: 'record.create',
      data: { type: 'milestone', id, fields: { actionId: k2.id, title: 'Panel agreed', position: 3 } },
    })
    expect(await localDb.milestones.get(id)).toMatchObject({
      actionId: k2.id,
      title: 'Panel agreed',
      status: 'not-started',
      leads: [],
      dueDate: null,
      archivedAt: null,
      searchText: 'panel agreed',
    })
    await discardChange(localDb, (await localDb.outbox.get({ id: entry.id }))!.seq!)
    expect(await localDb.milestones.get(id)).toBeUndefined()
  })

  it('a measure’s figure shows at once, correcting a period already there in place', async () => {
    const measure = {
      id: crypto.randomUUID(),
      version: 1,
      planId: k2.planId,
      title: 'Foster carers approved',
      unit: 'count' as const,
      comparison: null,
      direction: 'higher-is-better' as const,
      baseline: null,
      targets: [{ value: 20 }],
      actuals: [
        { period: 'Q1', value: 4 },
        { period: 'Q2', value: 9 },
      ],
      benchmarks: [],
      ownerPersonId: person.id,
      tolerancePercent: 10,
      source: null,
      sourceNote: null,
      archivedAt: null,
      themeIds: [],
      actionIds: [],
    }
    await localDb.measures.put(measure)
    for (const [period, value] of [
      ['Q1', 5],
      ['Q3', 12],
    ] as const)
      await queueChange(localDb, person.id, { kind: 'measure.actual', data: { measureId: measure.id, period, value } })
    const shown = (await localDb.measures.get(measure.id))!.actuals
    expect(shown.map((a) => [a.period, a.value, a.recordedBy])).toEqual([
      ['Q1', 5, person.id],
      ['Q2', 9, undefined],
      ['Q3', 12, person.id],
    ])
  })

  it('a risk’s rating is its current one at once, and this quarter’s rating is kept beside earlier ones', async () => {
    const risk = {
      id: crypto.randomUUID(),
      version: 1,
      planId: k2.planId,
      title: null,
      description: 'Caseloads above the agreed maximum',
      mitigations: [],
      owner: null,
      ownerPersonId: person.id,
      likelihood: 3,
      impact: 4,
      residualLikelihood: null,
      residualImpact: null,
      reviewDate: null,
      assessments: [
        {
          quarter: '2020/21 Q1',
          likelihood: 3,
          impact: 4,
          residualLikelihood: null,
          residualImpact: null,
          assessedBy: person.id,
          assessedAt: '2020-05-01T09:00:00.000Z',
        },
      ],
      themeIds: [],
      actionIds: [],
      source: null,
      sourceNote: null,
      archivedAt: null,
      position: 0,
    }
    await localDb.risks.put(risk)
    await queueChange(localDb, person.id, {
      kind: 'risk.assess',
      data: { riskId: risk.id, likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 4 },
    })
    const shown = (await localDb.risks.get(risk.id))!
    expect(shown).toMatchObject({ likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 4 })
    expect(shown.assessments.map((a) => a.likelihood)).toEqual([3, 4])
  })

  it('archiving shows at once with when it was made', async () => {
    const entry = await queueChange(localDb, person.id, {
      kind: 'record.archive',
      data: { type: 'action', id: k2.id, archived: true },
    })
    expect((await localDb.actions.get(k2.id))!.archivedAt).toBe(entry.mutation.madeAt)
  })
})
