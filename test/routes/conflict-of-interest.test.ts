import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'

/**
 * Conflict of interest (回避): a cadre or grid worker who is also bound to a household of the
 * village cannot score, propose for, correct, review, resolve an objection about, or redeem at the
 * desk for that household; the village's other cadre can. Each act is refused with
 * CONFLICT_OF_INTEREST and changes nothing.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
const OWN = 'h-xf-003'
const data = (reply: any) => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const refused = { ok: false, code: 'CONFLICT_OF_INTEREST', message: expect.stringContaining('回避') }

beforeAll(async () => {
  env = await productCloud()
  const users = env.db.collection('users')
  // a cadre of 新丰村 who lives in 1组3号, a grid worker who lives there too, and a family member
  await users.add({
    data: [
      {
        _id: 'coi-cadre',
        name: '黄德华',
        roles: [
          { role: 'cadre', villageId: 'v-xinfeng' },
          { role: 'villager', householdId: OWN, villageId: 'v-xinfeng' }
        ]
      },
      {
        _id: 'coi-grid',
        name: '黄春燕',
        roles: [
          { role: 'gridWorker', villageId: 'v-xinfeng', gridIds: ['g-xf-1'] },
          { role: 'villager', householdId: OWN, villageId: 'v-xinfeng' }
        ]
      },
      { _id: 'coi-family', name: '黄海军', roles: [{ role: 'villager', householdId: OWN, villageId: 'v-xinfeng' }] }
    ]
  })
})
afterAll(() => env.close())

const award = (openid: string, householdId: string) =>
  env.call(openid, 'score.award', { requestId: rid(), householdId, ruleId: 'r-xf-volunteer', points: 5 })
const balanceOf = async (id: string) => (await env.db.collection('households').doc(id).get()).data.balance

test('scoring their own household is refused; another household is not; the other cadre may', async () => {
  const before = await balanceOf(OWN)
  expect(await award('coi-cadre', OWN)).toEqual(refused)
  expect(await balanceOf(OWN)).toBe(before)
  expect(await award('coi-cadre', 'h-xf-004')).toMatchObject({ ok: true })
  expect(await award('demo-cadre', OWN)).toMatchObject({ ok: true })
})

test('a batch refuses only their own household, line by line', async () => {
  const reply = data(
    await env.call('coi-cadre', 'score.batch', {
      requestId: rid(),
      householdIds: [OWN, 'h-xf-005'],
      ruleId: 'r-xf-volunteer',
      points: 5
    })
  )
  expect(reply.lines).toEqual([
    expect.objectContaining({ householdId: OWN, status: 'refused', code: 'CONFLICT_OF_INTEREST' }),
    expect.objectContaining({ householdId: 'h-xf-005', status: 'applied' })
  ])
})

test('a grid worker cannot propose points for their own household', async () => {
  const propose = (householdIds: string[]) =>
    env.call('coi-grid', 'grid.propose', {
      requestId: rid(),
      householdIds,
      ruleId: 'r-xf-safety',
      points: 5,
      description: '巡逻'
    })
  expect(await propose([OWN, 'h-xf-002'])).toEqual(refused)
  expect(await propose(['h-xf-002'])).toMatchObject({ ok: true })
})

test('correcting an entry of their own household is refused', async () => {
  const entry = data(await award('demo-cadre', OWN)).entry
  const correct = (openid: string) =>
    env.call(openid, 'score.correct', { requestId: rid(), entryId: entry.id, points: 10, reason: '多记了' })
  expect(await correct('coi-cadre')).toEqual(refused)
  expect(await correct('demo-cadre')).toMatchObject({ ok: true })
})

test('reviewing a claim of their own household is refused, approving and rejecting alike', async () => {
  const claim = async () =>
    data(
      await env.call('coi-family', 'claim.create', {
        requestId: rid(),
        ruleId: 'r-xf-volunteer',
        points: 5,
        description: '出工'
      })
    ).id
  const [first, second] = [await claim(), await claim()]
  expect(await env.call('coi-cadre', 'review.approve', { requestId: rid(), pendingId: first })).toEqual(refused)
  expect(await env.call('coi-cadre', 'review.reject', { requestId: rid(), pendingId: second, reason: '不符' })).toEqual(
    refused
  )
  expect(await env.call('demo-cadre', 'review.approve', { requestId: rid(), pendingId: first })).toMatchObject({
    ok: true
  })
})

test('resolving an objection about their own household is refused, upheld or dismissed', async () => {
  const entry = data(await award('demo-cadre', OWN)).entry
  const objection = data(
    await env.call('demo-villager', 'objection.create', { requestId: rid(), entryId: entry.id, reason: '没有参加' })
  ).id
  const resolve = (openid: string, upheld: boolean) =>
    env.call(openid, 'objection.resolve', { requestId: rid(), objectionId: objection, upheld, reply: '已核实' })
  expect(await resolve('coi-cadre', true)).toEqual(refused)
  expect(await resolve('coi-cadre', false)).toEqual(refused)
  expect(await resolve('demo-cadre', false)).toMatchObject({ ok: true })
})

test('redeeming at the desk for their own household is refused', async () => {
  const redeem = (openid: string) =>
    env.call(openid, 'shop.redeemAtDesk', { requestId: rid(), householdId: OWN, goodsId: 'g-xf-soap' })
  expect(await redeem('coi-cadre')).toEqual(refused)
  expect(await redeem('demo-cadre')).toMatchObject({ ok: true })
  await expectLedgerConsistent(env.db)
})

test('a branch secretary who is also a party member cannot score their own party points', async () => {
  await env.db.collection('users').add({
    data: {
      _id: 'coi-secretary',
      name: '何书记',
      roles: [
        { role: 'branchSecretary', branchId: 'pb-xf-1', villageId: 'v-xinfeng' },
        { role: 'partyMember', memberId: 'pm-xf-04', branchId: 'pb-xf-1', villageId: 'v-xinfeng' }
      ]
    }
  })
  const award = (memberId: string) =>
    env.call('coi-secretary', 'partyScore.award', { requestId: rid(), memberId, ruleId: 'pb-xf-1-pioneer', points: 5 })
  expect(await award('pm-xf-04')).toMatchObject({ ok: false, code: 'CONFLICT_OF_INTEREST' })
  expect(await award('pm-xf-01')).toMatchObject({ ok: true })
})
