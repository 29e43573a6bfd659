import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, household, rid } from '../helpers/ledger'
import { NEW_CODES_PER_CALL_MAX } from '../../cloudfunctions/api/routes/household'

jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
let freeRule = ''

beforeAll(async () => {
  env = await productCloud()
  freeRule = ok(
    await env.call('demo-cadre', 'rules.save', {
      requestId: rid(),
      terms: {
        category: '公益参与',
        title: '测试：出工',
        points: { min: 1, max: 100 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    })
  ).id
})
afterAll(() => env.close())

function ok<T = any>(reply: any): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const goods = async (id: string) => (await env.db.collection('goods').doc(id).get()).data
async function newGoods(price: number, stock: number, limit: object | null = null) {
  return ok(
    await env.call('demo-cadre', 'shop.saveGoods', {
      requestId: rid(),
      name: `测试商品${price}`,
      price,
      stock,
      limit,
      onShelf: true
    })
  ).id as string
}

test('a villager sees the shelf, orders, and the cadre hands it over at the desk', async () => {
  const shelf = ok(await env.call('demo-villager', 'shop.goods', {}))
  const soap = shelf.goods.find((g: any) => g.id === 'g-xf-soap')
  expect(soap).toMatchObject({ name: '香皂', price: 5, affordable: true, leftForMe: null })
  const before = (await household(env.db, 'h-xf-012')).balance
  const order = ok(
    await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: 'g-xf-soap', quantity: 2 })
  )
  expect(order).toMatchObject({ state: 'ordered', points: 10, goodsName: '香皂', channel: 'online' })
  expect((await household(env.db, 'h-xf-012')).balance).toBe(before - 10)
  expect((await goods('g-xf-soap')).stock).toBe(198)

  // at the desk the cadre opens the household by its code and sees the order waiting
  const card = ok(await env.call('demo-cadre', 'household.public', { householdId: 'h-xf-012' }))
  expect(card).toMatchObject({ canAct: true, balance: before - 10 })
  expect(card.openOrders.map((o: any) => o.id)).toContain(order.id)
  ok(await env.call('demo-cadre', 'shop.collect', { requestId: rid(), orderId: order.id }))
  expect(
    ok(await env.call('demo-villager', 'shop.myOrders', {})).orders.find((o: any) => o.id === order.id).state
  ).toBe('collected')
  const history = ok(await env.call('demo-villager', 'archive.history', {}))
  expect(history.entries[0]).toMatchObject({ kind: 'redemption', points: -10, title: '香皂 × 2' })
  await expectLedgerConsistent(env.db)
})

test('100 concurrent redemptions of an item with stock 10: exactly 10 succeed, stock ends at 0', async () => {
  const price = 7
  const item = await newGoods(price, 10)
  // 100 households whose points cover one each: a fresh batch of households given exactly the price
  const ids = Array.from({ length: 100 }, (_, i) => `h-shop-${String(i).padStart(3, '0')}`)
  const template = await household(env.db, 'h-xf-001')
  const { _id, ...rest } = template
  await env.db.collection('households').add({
    data: ids.map(id => ({
      ...rest,
      _id: id,
      doorPlate: `测试${id}`,
      balance: 0,
      earned: 0,
      monthKey: '',
      monthPoints: 0,
      yearKey: '',
      yearPoints: 0,
      caps: {},
      latest: [],
      purchases: {}
    }))
  })
  const batch = ok(
    await env.call('demo-cadre', 'score.batch', {
      requestId: rid(),
      householdIds: ids,
      ruleId: freeRule,
      points: price
    })
  )
  expect(batch.applied).toBe(100)

  const replies = await Promise.all(
    ids.map(householdId =>
      env.call('demo-cadre', 'shop.redeemAtDesk', { requestId: rid(), householdId, goodsId: item })
    )
  )
  expect(replies.filter(r => r.ok)).toHaveLength(10)
  expect(new Set(replies.filter(r => !r.ok).map(r => r.code))).toEqual(new Set(['OUT_OF_STOCK']))
  expect((await goods(item)).stock).toBe(0)
  const balances = await Promise.all(ids.map(async id => (await household(env.db, id)).balance))
  expect(balances.filter(b => b === 0)).toHaveLength(10)
  expect(balances.every(b => b >= 0)).toBe(true)
  await expectLedgerConsistent(env.db)
})

test('a household with 60 points ordering two items of 50 at the same moment: exactly one succeeds', async () => {
  const item = await newGoods(50, 100)
  const id = 'h-shop-rich'
  const { _id, ...rest } = await household(env.db, 'h-xf-001')
  await env.db.collection('households').add({
    data: {
      ...rest,
      _id: id,
      balance: 0,
      earned: 0,
      monthKey: '',
      monthPoints: 0,
      yearKey: '',
      yearPoints: 0,
      caps: {},
      latest: [],
      purchases: {}
    }
  })
  ok(await env.call('demo-cadre', 'score.award', { requestId: rid(), householdId: id, ruleId: freeRule, points: 60 }))
  const replies = await Promise.all(
    [1, 2].map(() => env.call('demo-cadre', 'shop.redeemAtDesk', { requestId: rid(), householdId: id, goodsId: item }))
  )
  expect(replies.filter(r => r.ok)).toHaveLength(1)
  expect(replies.find(r => !r.ok)).toMatchObject({ code: 'NOT_ENOUGH_POINTS', message: '积分不够，换不了' })
  expect((await household(env.db, id)).balance).toBe(10)
  await expectLedgerConsistent(env.db)
})

test('cancel after collect is refused; cancelling twice refunds once; a retried order makes one order', async () => {
  const before = (await household(env.db, 'h-xf-001')).balance
  const requestId = rid()
  const [first, retry] = await Promise.all([
    env.call('demo-villager-2', 'shop.order', { requestId, goodsId: 'g-xf-towel' }),
    env.call('demo-villager-2', 'shop.order', { requestId, goodsId: 'g-xf-towel' })
  ])
  expect(ok(retry).id).toBe(ok(first).id)
  expect(
    (await env.db.collection('orders').where({ householdId: 'h-xf-001', goodsId: 'g-xf-towel' }).count()).total
  ).toBe(1)
  expect((await household(env.db, 'h-xf-001')).balance).toBe(before - 8)

  const stock = (await goods('g-xf-towel')).stock
  const cancels = await Promise.all([
    env.call('demo-villager-2', 'shop.cancel', { requestId: rid(), orderId: ok(first).id }),
    env.call('demo-cadre', 'shop.cancel', { requestId: rid(), orderId: ok(first).id, reason: '村民不要了' })
  ])
  expect(cancels.filter(r => r.ok)).toHaveLength(1)
  expect(cancels.find(r => !r.ok)).toMatchObject({ code: 'STATE_CHANGED' })
  expect((await household(env.db, 'h-xf-001')).balance).toBe(before)
  expect((await goods('g-xf-towel')).stock).toBe(stock + 1)

  const collected = ok(await env.call('demo-villager-2', 'shop.order', { requestId: rid(), goodsId: 'g-xf-towel' }))
  ok(await env.call('demo-cadre', 'shop.collect', { requestId: rid(), orderId: collected.id }))
  expect(await env.call('demo-villager-2', 'shop.cancel', { requestId: rid(), orderId: collected.id })).toMatchObject({
    ok: false,
    code: 'STATE_CHANGED'
  })
  expect(await env.call('demo-villager', 'shop.cancel', { requestId: rid(), orderId: collected.id })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN'
  })
  await expectLedgerConsistent(env.db)
})

test('a limit per household per month counts orders, and a cancellation gives the room back', async () => {
  const item = await newGoods(1, 50, { period: 'month', max: 1 })
  const first = ok(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item }))
  expect(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item })).toMatchObject({
    ok: false,
    code: 'LIMIT_REACHED'
  })
  expect(ok(await env.call('demo-villager', 'shop.goods', {})).goods.find((g: any) => g.id === item).leftForMe).toBe(0)
  ok(await env.call('demo-villager', 'shop.cancel', { requestId: rid(), orderId: first.id }))
  ok(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item }))
})

test('a refusal over the limit says what the limit is, what is taken and what is left', async () => {
  const item = await newGoods(1, 50, { period: 'month', max: 2 })
  // asking for more than the limit at once is not "已经换满了": nothing was taken yet
  expect(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item, quantity: 3 })).toEqual({
    ok: false,
    code: 'LIMIT_REACHED',
    message: '这件商品每户本月限换2件，本月已换0件，还能换2件'
  })
  ok(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item, quantity: 2 }))
  expect(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item })).toEqual({
    ok: false,
    code: 'LIMIT_REACHED',
    message: '这件商品每户本月限换2件，本月已经换满了'
  })
})

test('goods off the shelf or of another village cannot be had', async () => {
  const item = await newGoods(3, 5)
  ok(
    await env.call('demo-cadre', 'shop.saveGoods', {
      requestId: rid(),
      goodsId: item,
      name: '测试商品3',
      price: 3,
      stock: 5,
      limit: null,
      onShelf: false
    })
  )
  expect(ok(await env.call('demo-villager', 'shop.goods', {})).goods.map((g: any) => g.id)).not.toContain(item)
  expect(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item })).toMatchObject({
    ok: false,
    code: 'GOODS_OFF_SHELF'
  })
  expect(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: 'g-jq-soap' })).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
  expect(
    await env.call('demo-cadre-jq', 'shop.redeemAtDesk', {
      requestId: rid(),
      householdId: 'h-xf-012',
      goodsId: 'g-jq-soap'
    })
  ).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
})

test('a call makes a few new codes and names the rest pending; codes made before come in one call', async () => {
  const ids = ['h-xf-001', 'h-xf-002', 'h-xf-003', 'h-xf-004', 'h-xf-005']
  const made: string[] = []
  let pending = ids
  for (let calls = 0; pending.length && calls < ids.length; calls++) {
    const sheet = ok(await env.call('demo-cadre', 'household.codes', { householdIds: pending }))
    const now = sheet.codes.map((c: any) => c.householdId)
    // at least one per call (every call moves on), at most NEW_CODES_PER_CALL_MAX, in the order asked
    expect(now.length).toBeGreaterThanOrEqual(1)
    expect(now.length).toBeLessThanOrEqual(NEW_CODES_PER_CALL_MAX)
    expect([...now, ...sheet.pending]).toEqual(pending)
    made.push(...now)
    pending = sheet.pending
  }
  expect(made).toEqual(ids)
  const again = ok(await env.call('demo-cadre', 'household.codes', { householdIds: ids }))
  expect(again.codes.map((c: any) => c.householdId)).toEqual(ids)
  expect(again.pending).toEqual([])
})

test('the household code names the household only; what a scan shows depends on who scans', async () => {
  const sheet = ok(await env.call('demo-cadre', 'household.codes', { householdIds: ['h-xf-012'] }))
  expect(sheet.codes.map((c: any) => c.householdId)).toEqual(['h-xf-012'])
  const png = Buffer.from(await (await fetch(sheet.codes[0].url)).arrayBuffer())
  expect(png.subarray(1, 4).toString()).toBe('PNG')
  expect(sheet.pending).toEqual([])
  // made once: asking again gives the same file
  expect(ok(await env.call('demo-cadre', 'household.codes', { householdIds: ['h-xf-012'] })).codes[0].fileID).toBe(
    sheet.codes[0].fileID
  )
  expect(await env.call('demo-cadre-jq', 'household.codes', { householdIds: ['h-xf-012'] })).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })

  const neighbour = ok(await env.call('demo-villager-2', 'household.public', { householdId: 'h-xf-012' }))
  expect(neighbour).toMatchObject({ doorPlate: '2组12号', canAct: false, balance: null, openOrders: [] })
  expect(await env.call('demo-cadre-jq', 'household.public', { householdId: 'h-xf-012' })).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
  // scanning gives no power: a villager cannot redeem for the household they scanned
  expect(
    await env.call('demo-villager-2', 'shop.redeemAtDesk', {
      requestId: rid(),
      householdId: 'h-xf-012',
      goodsId: 'g-xf-soap'
    })
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test("town and county administrators' 积分超市 figures count a redemption at once, with no recount", async () => {
  const redeemed = async (openid: string, input: object = {}) => {
    const rows = ok(await env.call(openid, 'overview.get', input)).rows as { id: string; redeemedMonth: number }[]
    return rows.find(r => r.id === (openid === 'demo-county' && !('townId' in input) ? 't-xiangyang' : 'v-xinfeng'))!
      .redeemedMonth
  }
  const figures = async () => [
    await redeemed('demo-town'),
    await redeemed('demo-county'),
    await redeemed('demo-county', { townId: 't-xiangyang' })
  ]
  const before = await figures()
  const item = await newGoods(7, 10)
  const online = ok(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: item }))
  expect(await figures()).toEqual(before.map(n => n + 7))
  ok(await env.call('demo-cadre', 'shop.redeemAtDesk', { requestId: rid(), householdId: 'h-xf-001', goodsId: item }))
  expect(await figures()).toEqual(before.map(n => n + 14))
  // a cancelled order is given back: it no longer counts as redeemed
  ok(await env.call('demo-villager', 'shop.cancel', { requestId: rid(), orderId: online.id }))
  expect(await figures()).toEqual(before.map(n => n + 7))
  await expectLedgerConsistent(env.db)
})
