import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, household, rid } from '../helpers/ledger'

/**
 * Issue 12: calls of shop.order with one request id racing each other store one order, and every
 * reply describes that order, even a call that asked for other goods (its transaction attempt was
 * abandoned when the first call's entry was found); the villager is told of the order once.
 */
jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const ROUNDS = 8

test('racing calls with one request id and different goods: one order, and every reply describes it', async () => {
  const before = (await household(env.db, 'h-xf-012')).balance
  const outboxBefore = (await env.outbox('demo-villager')).length
  let spent = 0
  for (let round = 0; round < ROUNDS; round++) {
    const requestId = rid('race')
    const replies = (await Promise.all(
      ['g-xf-soap', 'g-xf-towel', 'g-xf-soap', 'g-xf-towel'].map(goodsId =>
        env.call('demo-villager', 'shop.order', { requestId, goodsId, quantity: 1 })
      )
    )) as any[]
    const stored = (
      await env.db.collection('orders').where({ by: 'demo-villager', householdId: 'h-xf-012' }).get()
    ).data.filter((o: any) => o.entryId && replies.some(r => r.ok && r.data.id === o._id))
    expect(stored).toHaveLength(1)
    for (const r of replies) if (r.ok) expect(r.data).toMatchObject({ id: stored[0]._id, goodsId: stored[0].goodsId })
    spent += stored[0].points
  }
  expect((await household(env.db, 'h-xf-012')).balance).toBe(before - spent)
  const told = (await env.outbox('demo-villager')).length - outboxBefore
  expect(told).toBe(ROUNDS) // one message per order
  await expectLedgerConsistent(env.db)
})
