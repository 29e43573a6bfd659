import { productCloud } from '../helpers/product-cloud'
import { DEMO_TEMPLATES } from '../../scripts/seed/demo-county'

let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
})
afterAll(() => env.close())

test("the villager's home card matches the ledger of their household", async () => {
  const reply = await env.call('demo-villager', 'archive.home')
  if (!reply.ok) throw new Error(reply.message)
  const { card, latest } = reply.data as any
  const entries = (await env.db.collection('entries').where({ householdId: 'h-xf-012' }).limit(1000).get()).data
  const sum = entries.reduce((s: number, e: { points: number }) => s + e.points, 0)
  expect(card).toMatchObject({
    householdId: 'h-xf-012',
    head: '王秀英',
    villageName: '新丰村',
    balance: sum,
    householdsInVillage: 24
  })
  const monthSum = entries.filter((e: any) => e.month === '2026-11').reduce((s: number, e: any) => s + e.points, 0)
  expect(card.monthPoints).toBe(monthSum)

  const village = (await env.db.collection('households').where({ villageId: 'v-xinfeng' }).limit(100).get()).data
  expect(card.rankInVillage).toBe(village.filter((h: any) => h.earned > card.earned).length + 1)

  expect(latest).toHaveLength(5)
  const newest = [...entries]
    .sort((a: any, b: any) => b.at - a.at)
    .slice(0, 5)
    .map((e: any) => e._id)
  expect(latest.map((e: any) => e.id)).toEqual(newest)
})

test.each([
  ['demo-cadre', 'FORBIDDEN'],
  ['demo-grid', 'FORBIDDEN'],
  ['demo-town', 'FORBIDDEN'],
  ['demo-stranger', 'NOT_REGISTERED']
])('%s cannot open a villager home (%s)', async (openid, code) => {
  expect(await env.call(openid, 'archive.home')).toMatchObject({ ok: false, code })
})

test('the session tells each persona their roles and places', async () => {
  expect(await env.call('demo-cadre', 'me.session')).toEqual({
    ok: true,
    data: {
      openid: 'demo-cadre',
      name: '张德明',
      roles: [{ role: 'cadre', label: '村干部', placeName: '新丰村' }],
      largeFont: false,
      subscribeTemplates: DEMO_TEMPLATES
    }
  })
  const county = await env.call('demo-county', 'me.session')
  expect(county).toMatchObject({ ok: true, data: { roles: [{ role: 'countyAdmin', placeName: '示范县' }] } })
  expect(await env.call('demo-stranger', 'me.session')).toEqual({
    ok: true,
    data: { openid: 'demo-stranger', name: '', roles: [], largeFont: false, subscribeTemplates: DEMO_TEMPLATES }
  })
})
