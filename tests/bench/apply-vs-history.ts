import type { Database } from '../../src/server/db/database'
import { reserveVersions } from '../../src/server/db/versions'
import { demoAppOnPostgres, type DemoApp } from './postgres-demo'
import { pushBody } from './push-bodies'
import { median, percentile, round, type Figure } from './report'

const historyPushSize = 100
const historyPushes = 15
const historyLevels = [1_000, 100_000]

const fillCommentaries = [
  'On track: the panel met and agreed the next steps.',
  'Delayed while we wait for partners to confirm funding; escalated to the head of service.',
  'Two practitioners trained this month; the rest are booked for next quarter.',
  'Behind plan because of vacancies; agency cover starts next month.',
  'Complete for this quarter.',
  'Draft shared with families for comment; feedback due by the end of the month.',
]

/**
 * Adds applied progress updates until the history holds `target` applied changes, as
 * pushes leave them: the update, its history entry and the claimed mutation id, spread
 * over every action and person of the organisation and the last year and a half.
 */
async function fillHistory(db: Database, orgId: string, target: number): Promise<number> {
  const [{ n }] = (await db.query<{ n: string }>('select count(*) as n from history where org_id = $1', [orgId])) as [
    { n: string },
  ]
  const missing = target - Number(n)
  if (missing <= 0) return 0
  await db.transaction(async (tx) => {
    const actions = (
      await tx.query<{ id: string }>('select id from actions where org_id = $1 order by code', [orgId])
    ).map((r) => r.id)
    const people = (
      await tx.query<{ id: string }>('select id from people where org_id = $1 order by name', [orgId])
    ).map((r) => r.id)
    const first = await reserveVersions(tx, orgId, 2 * missing)
    await tx.query(
      `create temp table bench_fill on commit drop as
       select f.*, q.y || '/' || lpad(((q.y + 1) % 100)::text, 2, '0') || ' Q' || (((q.m + 8) % 12) / 3 + 1) as period
         from (select g, gen_random_uuid() as update_id, gen_random_uuid() as mutation_id, gen_random_uuid() as history_id,
                      ($2::uuid[])[(1 + (g * 7919) % cardinality($2::uuid[]))::int] as action_id,
                      ($3::uuid[])[(1 + (g * 104729) % cardinality($3::uuid[]))::int] as author_id,
                      (array['green', 'green', 'amber', 'red'])[(1 + g % 4)::int] as rag,
                      ($4::text[])[(1 + g % cardinality($4::text[]))::int] as commentary,
                      now() - make_interval(mins => ($1::int - g::int) * 7) as made_at
                 from generate_series(0::bigint, $1::bigint - 1) as g) f
        cross join lateral (select extract(month from f.made_at at time zone 'UTC')::int as m,
                                   extract(year from f.made_at at time zone 'UTC')::int
                                     - (extract(month from f.made_at at time zone 'UTC')::int < 4)::int as y) q`,
      [missing, actions, people, fillCommentaries],
    )
    await tx.query(
      `insert into progress_updates (id, org_id, version, action_id, period, rag, commentary, author_id, made_at, received_at)
       select update_id, $1, $2::bigint + g, action_id, period, rag, commentary, author_id, made_at, made_at + interval '3 minutes' from bench_fill`,
      [orgId, first],
    )
    await tx.query(
      `insert into history (id, org_id, version, action_id, entity_type, entity_id, change, details, person_id, device_id, mutation_id, made_at, received_at, outcome)
       select history_id, $1, $2::bigint + $3 + g, action_id, 'progressUpdate', update_id, 'progress.post',
              jsonb_build_object('rag', rag, 'period', period, 'commentary', commentary), author_id, 'bench-device-' || (g % 40),
              mutation_id, made_at, made_at + interval '3 minutes', 'applied'
         from bench_fill`,
      [orgId, first, missing],
    )
    await tx.query(
      `insert into applied_mutations (id, org_id, person_id, outcome, received_at)
       select mutation_id, $1, author_id, 'applied', made_at + interval '3 minutes' from bench_fill`,
      [orgId],
    )
  })
  return missing
}

async function tableCounts(db: Database) {
  const [row] = await db.query<Record<string, string>>(
    `select (select count(*) from history) as history, (select count(*) from progress_updates) as progress_updates,
            (select count(*) from applied_mutations) as applied_mutations`,
  )
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]))
}

/** Times `historyPushes` pushes of `historyPushSize` changes, one after another, as one device sends them. */
async function timePushes(demo: DemoApp, cookie: string, count: number) {
  const times: number[] = []
  const outcomes: Record<string, number> = {}
  for (let i = 0; i < count; i++) {
    const body = pushBody(demo.work, historyPushSize, 'bench-history-device', { statusEvery: 5 })
    const start = performance.now()
    const response = await fetch(`${demo.app.origin}/api/sync/push`, {
      method: 'POST',
      headers: demo.pushHeaders(cookie),
      body,
    })
    const text = await response.text()
    times.push(performance.now() - start)
    if (response.status !== 200) throw new Error(`A push answered ${response.status}: ${text.slice(0, 200)}`)
    for (const r of (JSON.parse(text) as { results: { outcome: string }[] }).results)
      outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1
  }
  return { times, outcomes }
}

/**
 * Does applying a push get slower as history grows? The median of `historyPushes` pushes of
 * `historyPushSize` changes with ~1,000 and then ~100,000 applied changes already stored.
 */
export async function benchApplyVsHistory(): Promise<{ figures: Figure[]; details: unknown }> {
  const demo = await demoAppOnPostgres()
  const { db } = demo.app
  const orgId = demo.work.ids.orgId
  try {
    const cookie = await demo.signIn('manager@demo.local')
    await timePushes(demo, cookie, 3) // warm-up, not counted
    const levels: {
      target: number
      filled: number
      fillMs: number
      before: Record<string, number>
      times: number[]
      outcomes: Record<string, number>
    }[] = []
    for (const target of historyLevels) {
      const start = performance.now()
      const filled = await fillHistory(db, orgId, target)
      // What autovacuum would have done by now on a server holding this much.
      await db.exec('vacuum analyze progress_updates, history, applied_mutations')
      const fillMs = performance.now() - start
      const before = await tableCounts(db)
      levels.push({ target, filled, fillMs, before, ...(await timePushes(demo, cookie, historyPushes)) })
    }
    const [small, large] = levels as [(typeof levels)[0], (typeof levels)[0]]
    const bench = 'Push apply cost vs history size'
    const row = (level: typeof small): Figure => ({
      bench,
      name: `Push of ${historyPushSize} changes, ${level.target.toLocaleString('en-GB')} applied changes stored, median of ${historyPushes}`,
      value: median(level.times),
      unit: 'ms',
      note: `p90 ${round(percentile(level.times, 0.9))} ms; history ${level.before.history!.toLocaleString('en-GB')} rows before, +${(historyPushes * historyPushSize).toLocaleString('en-GB')} during; ${level.filled.toLocaleString('en-GB')} added by SQL in ${Math.round(level.fillMs)} ms`,
    })
    return {
      figures: [
        row(small),
        row(large),
        {
          bench,
          name: `Ratio of the medians (${historyLevels.map((n) => n.toLocaleString('en-GB')).join(' / ')})`,
          value: median(large.times) / median(small.times),
          unit: '×',
          goalAtMost: 1.25,
          note: `goal ~1: applying must not grow with history; one push = ${historyPushSize} changes, a status every 5th; outcomes ${JSON.stringify(large.outcomes)}`,
        },
      ],
      details: { pushSize: historyPushSize, pushes: historyPushes, levels, after: await tableCounts(db) },
    }
  } finally {
    await demo.stop()
  }
}
