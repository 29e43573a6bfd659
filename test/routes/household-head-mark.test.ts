import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { ok } from '../helpers/participation'

/**
 * The cadre marks which of a household's bound WeChat users is its head (户主): the one who consents
 * for the household (积分贷). By name alone nobody is head when people bound under other names; the mark
 * is kept in the household, audited once, refused for someone not bound there, and an unbinding at the
 * same moment never leaves an unbound user as the head.
 */
jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
const HOUSEHOLD = 'h-xf-005' // 李凤英's: nobody bound in the demo

beforeAll(async () => {
  env = await productCloud()
  // 李凤英 binds under the name her family calls her, her grandson under his own
  for (const [openid, name] of [
    ['head-fengying', '凤英'],
    ['head-grandson', '李海军']
  ]) {
    const code = ok(
      await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: HOUSEHOLD, days: 7 })
    )
    ok(await env.call(openid, 'join.bind', { requestId: rid(), code: code.code, name }))
  }
})
afterAll(() => env.close())

const setHead = (openid: string, as = 'demo-cadre') =>
  env.call(as, 'binding.setHead', { requestId: rid(), householdId: HOUSEHOLD, openid })
const bindings = async () =>
  ok(await env.call('demo-cadre', 'cadre.household', { householdId: HOUSEHOLD })).bindings.map(
    (b: any) => `${b.name}${b.head ? '·户主' : ''}`
  )
const isHead = async (openid: string) => ok(await env.call(openid, 'credit.banks', {})).isHead
const headUser = async () => (await env.db.collection('households').doc(HOUSEHOLD).get()).data.headUser

test('nobody bound under the head’s name: the cadre marks her; she may consent for the household', async () => {
  expect((await bindings()).sort()).toEqual(['凤英', '李海军'].sort())
  expect(await isHead('head-fengying')).toBe(false)

  expect(ok(await setHead('head-fengying'))).toEqual({ changed: true })
  expect((await bindings()).sort()).toEqual(['凤英·户主', '李海军'].sort())
  expect(await isHead('head-fengying')).toBe(true)
  expect(await isHead('head-grandson')).toBe(false)
  // marking her again changes nothing and records nothing more
  expect(ok(await setHead('head-fengying'))).toEqual({ changed: false })

  const trail = ok(await env.call('demo-cadre', 'audit.list', { action: 'binding.setHead' })).items
  expect(trail).toHaveLength(1)
  expect(trail[0].sentence).toContain('指定户主的微信')
  expect(trail[0].changes).toEqual([{ label: '户主的微信', before: null, after: '凤英' }])

  // the head moves to the grandson: one head at a time
  ok(await setHead('head-grandson'))
  expect(await isHead('head-fengying')).toBe(false)
  expect(await isHead('head-grandson')).toBe(true)
  ok(await setHead('head-fengying'))
})

test('someone not bound to the household is refused and nothing changes; another village’s cadre too', async () => {
  const before = await headUser()
  const refused: any = await setHead('demo-villager') // bound to 2组12号, not here
  expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(refused.message).toBe('这个微信没有绑定这一户')
  expect(await setHead('head-grandson', 'demo-cadre-jq')).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
  expect(await headUser()).toBe(before)
})

test('a cadre bound to the household leaves marking its head to another cadre or the town', async () => {
  const code = ok(await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: HOUSEHOLD, days: 7 }))
  ok(await env.call('demo-cadre', 'join.bind', { requestId: rid(), code: code.code, name: '张德明' }))
  const before = await headUser()
  expect(await setHead('head-grandson')).toMatchObject({ ok: false, code: 'CONFLICT_OF_INTEREST' })
  expect(await headUser()).toBe(before)
  ok(await env.call('demo-cadre', 'binding.remove', { requestId: rid(), householdId: HOUSEHOLD, openid: 'demo-cadre' }))
})

test('marking the head while the same person is unbound: the head is always someone bound, or nobody', async () => {
  for (let round = 0; round < 5; round++) {
    const openid = `head-racer-${round}`
    const code = ok(
      await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: HOUSEHOLD, days: 7 })
    )
    ok(await env.call(openid, 'join.bind', { requestId: rid(), code: code.code, name: `李${round}` }))
    const [marked, removed] = await Promise.all([
      setHead(openid),
      env.call('demo-cadre', 'binding.remove', { requestId: rid(), householdId: HOUSEHOLD, openid })
    ])
    expect(ok(removed)).toEqual({ removed: true })
    // the mark either came first (and the unbinding then cleared it) or found them no longer bound
    if (!(marked as any).ok) expect(marked).toMatchObject({ code: 'NOT_FOUND' })
    const h = (await env.db.collection('households').doc(HOUSEHOLD).get()).data
    expect(h.boundUsers).not.toContain(openid)
    expect(h.headUser === null || h.boundUsers.includes(h.headUser)).toBe(true)
    expect(h.headUser).not.toBe(openid)
    // the household had a head before the race (凤英); if the mark came first and was then cleared, mark her again
    if (h.headUser === null) ok(await setHead('head-fengying'))
  }
})

test('a head marked by hand stays the head when the cadre corrects the head’s name', async () => {
  ok(await setHead('head-fengying'))
  const before = (await env.db.collection('households').doc(HOUSEHOLD).get()).data
  const renamed = `${before.head.slice(0, 1)}凤瑛`
  expect(renamed).not.toBe(before.head)
  const save = (head: string) =>
    env.call('demo-cadre', 'household.save', {
      requestId: rid(),
      householdId: HOUSEHOLD,
      doorPlate: before.doorPlate,
      head,
      groupId: before.groupId,
      gridId: before.gridId,
      members: before.members.map((m: any) => ({
        name: m.relation === '户主' ? head : m.name,
        relation: m.relation,
        partyMember: m.partyMember
      }))
    })
  ok(await save(renamed))
  expect((await env.db.collection('households').doc(HOUSEHOLD).get()).data.head).toBe(renamed)
  expect(await headUser()).toBe('head-fengying')
  expect(await isHead('head-fengying')).toBe(true)
  expect((await bindings()).sort()).toEqual(['凤英·户主', '李海军'].sort())

  // unbound, the mark goes with her: a head decided by name later is decided by name again on a rename
  ok(
    await env.call('demo-cadre', 'binding.remove', {
      requestId: rid(),
      householdId: HOUSEHOLD,
      openid: 'head-fengying'
    })
  )
  expect(await headUser()).toBeNull()
  ok(await save(before.head))
  const code = ok(await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: HOUSEHOLD, days: 7 }))
  ok(await env.call('head-by-name', 'join.bind', { requestId: rid(), code: code.code, name: before.head }))
  expect(await headUser()).toBe('head-by-name')
  ok(await save(renamed))
  expect(await headUser()).toBeNull()
  ok(await save(before.head))
  expect(await headUser()).toBe('head-by-name')
})
