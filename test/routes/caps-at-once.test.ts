import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

/**
 * Issue 15 item 5: a claim or proposal that its rule's cap would refuse on approval is refused when it
 * is made, and the household's use of the cap is there for the pages to show.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)
let capped = ''

beforeAll(async () => {
  env = await productCloud(NOW)
  const rule = await env.call('demo-cadre', 'rules.save', {
    requestId: rid(),
    terms: {
      category: '公益参与',
      title: '清理河道（每次）',
      points: { min: 5, max: 10 },
      cap: { period: 'month', max: 10 },
      evidenceRequired: false,
      proposers: ['cadre', 'gridWorker', 'villager']
    }
  })
  capped = (rule as any).data.id
})
afterAll(() => env.close())

test('a claim over the cap is refused at once with how much is used; the rules show the use', async () => {
  const scored = await env.call('demo-cadre', 'score.award', {
    requestId: rid(),
    householdId: 'h-xf-012',
    ruleId: capped,
    points: 8
  })
  expect(scored.ok).toBe(true)
  const rules = (await env.call('demo-villager', 'archive.rules', {})) as any
  expect(rules.data.myCaps[capped]).toEqual({ period: '2026-11', used: 8 })

  const over = await env.call('demo-villager', 'claim.create', {
    requestId: rid(),
    ruleId: capped,
    points: 5,
    description: '又清了一次'
  })
  expect(over).toEqual({ ok: false, code: 'CAP_REACHED', message: '这一项本月已用8分，封顶10分，最多还能2分' })
  expect(((await env.call('demo-villager', 'pending.mine', {})) as any).data.items).toHaveLength(0)
})

test("a proposal over one household's cap is refused at once, naming the household", async () => {
  const over = await env.call('demo-grid', 'grid.propose', {
    requestId: rid(),
    householdIds: ['h-xf-012'],
    ruleId: capped,
    points: 5,
    description: '巡河时看到他家在清理'
  })
  expect(over).toMatchObject({
    ok: false,
    code: 'CAP_REACHED',
    message: '2组12号：这一项本月已用8分，封顶10分，最多还能2分'
  })
  const households = (await env.call('demo-grid', 'grid.households', {})) as any
  const h = households.data.households.find((x: any) => x.householdId === 'h-xf-012')
  expect(h.caps[capped].used).toBe(8)
})
