import { periodKeys } from '../../core/domain/period'
import { periodRange } from '../../core/domain/fairness'
import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

/**
 * Fairness statistics: the figures a town administrator sees match a recount of the entries, and a
 * scorer who gives most of their points to a few households of one group is flagged. What villagers
 * see of their village's month matches the households' own month points.
 */
jest.setTimeout(60_000)
const NOW = Date.UTC(2026, 10, 27, 4, 0)
let env: Awaited<ReturnType<typeof productCloud>>
const data = (reply: any) => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}

beforeAll(async () => {
  env = await productCloud(NOW)
})
afterAll(() => env.close())

async function recount(villageId: string, key: string) {
  const { fromMs, toMs } = periodRange(key)
  const _ = env.db.command
  const res = await env.db
    .collection('entries')
    .where({ villageId, at: _.gte(fromMs).and(_.lt(toMs)), kind: _.in(['award', 'deduction']) })
    .limit(1000)
    .get()
  // party members' entries (account member:…) are not households' scores
  const entries = (res.data as any[]).filter(e => e.account.startsWith('household:'))
  return {
    entries: entries.length,
    given: entries.filter(e => e.points > 0).reduce((a, e) => a + e.points, 0),
    taken: entries.filter(e => e.points < 0).reduce((a, e) => a + e.points, 0),
    householdsScored: new Set(entries.map(e => e.householdId)).size
  }
}

test('the town administrator sees each village figures as a recount of the entries', async () => {
  for (const period of ['month', 'quarter', 'year'] as const) {
    const report = data(await env.call('demo-town', 'fairness.town', { placeId: 'v-xinfeng', period }))
    expect(report.key).toBe(periodKeys(NOW)[period])
    expect(report.village).toMatchObject(await recount('v-xinfeng', report.key))
    expect(report.villages.map((v: any) => v.name)).toEqual(['金桥村', '新丰村'])
    const scorers = report.scorers
    expect(scorers.reduce((a: number, s: any) => a + s.entries, 0)).toBe(report.village.entries)
  }
})

test('a scorer who favours a few households of one group is flagged, with objections counted', async () => {
  // a new cadre gives 12 scores of 10 to two households of group 1
  await env.db.collection('users').add({
    data: { _id: 'fair-cadre', name: '钱有福', roles: [{ role: 'cadre', villageId: 'v-xinfeng' }] }
  })
  const given: string[] = []
  for (let i = 0; i < 12; i++) {
    const reply = await env.call('fair-cadre', 'score.award', {
      requestId: rid(),
      householdId: i % 2 ? 'h-xf-001' : 'h-xf-002',
      ruleId: 'r-xf-civility',
      points: 10
    })
    if (reply.ok) given.push((reply as any).data.entry.id)
    else {
      // the rule's monthly cap stops some: award by the volunteer rule instead
      const other = await env.call('fair-cadre', 'score.award', {
        requestId: rid(),
        householdId: i % 2 ? 'h-xf-001' : 'h-xf-002',
        ruleId: 'r-xf-volunteer',
        points: 5
      })
      if (other.ok) given.push((other as any).data.entry.id)
    }
  }
  // two villagers object; one objection is upheld
  const o1 = data(
    await env.call('demo-villager', 'objection.create', { requestId: rid(), entryId: given[0], reason: '不公平' })
  ).id
  data(
    await env.call('demo-cadre', 'objection.resolve', {
      requestId: rid(),
      objectionId: o1,
      upheld: true,
      reply: '核实'
    })
  )

  const report = data(await env.call('demo-town', 'fairness.town', { placeId: 'v-xinfeng', period: 'month' }))
  const row = report.scorers.find((s: any) => s.name === '钱有福')
  expect(row).toMatchObject({ entries: given.length, households: 2, top3Share: 1, objections: 1, upheld: 1 })
  expect(row.topGroup).toEqual({ name: '1组', share: 1 })
  expect(given.length).toBeGreaterThanOrEqual(10)
  expect(row.flags).toEqual(expect.arrayContaining(['fewHouseholds', 'oneGroup']))
  expect(report.scorers.find((s: any) => s.name === '张德明').flags).toEqual([])
})

test('villagers see how many households got points this month', async () => {
  const month = periodKeys(NOW).month
  const res = await env.db.collection('households').where({ villageId: 'v-xinfeng' }).limit(100).get()
  const points = (res.data as any[]).map(h => (h.monthKey === month ? h.monthPoints : 0))
  const view = data(await env.call('demo-villager', 'fairness.village', {}))
  expect(view).toMatchObject({
    villageName: '新丰村',
    month,
    households: points.length,
    withPoints: points.filter(p => p > 0).length,
    belowZero: points.filter(p => p < 0).length
  })
  expect(view.bands.reduce((a: number, b: any) => a + b.count, 0)).toBe(view.withPoints)
})

test('a villager opens their own entries and the village’s posted ones, not another household’s unposted', async () => {
  const own = data(await env.call('demo-villager', 'archive.home', {})).latest[0]
  expect(data(await env.call('demo-villager', 'entry.explain', { entryId: own.id }))).toMatchObject({
    id: own.id,
    household: { doorPlate: '2组12号' }
  })
  // an old entry of another household, out of its posting period
  const old = (
    await env.db.collection('entries').where({ householdId: 'h-xf-007' }).orderBy('at', 'asc').limit(1).get()
  ).data[0] as any
  expect(await env.call('demo-villager', 'entry.explain', { entryId: old._id })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN'
  })
  expect(data(await env.call('demo-cadre', 'entry.explain', { entryId: old._id })).id).toBe(old._id)
})
