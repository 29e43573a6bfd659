import { productCloud } from '../helpers/product-cloud'
import { entriesOf, expectLedgerConsistent, household, rid } from '../helpers/ledger'
import { addVillagers, ok } from '../helpers/participation'

jest.setTimeout(180_000)
let env: Awaited<ReturnType<typeof productCloud>>
let rule = ''
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const HOUR = 3600_000
const START = NOW + 48 * HOUR
const END = START + 3 * HOUR

beforeAll(async () => {
  env = await productCloud(NOW)
  rule = ok(
    await env.call('demo-cadre', 'rules.save', {
      requestId: rid(),
      terms: {
        category: '公益参与',
        title: '测试：参加活动',
        points: { min: 1, max: 20 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    })
  ).id
})
afterAll(() => env.close())

const callAt = (atMs: number, openid: string, route: string, input: object) =>
  env.router()({ route, input }, { ...env.ctxFor(openid), now: () => atMs })
const postActivity = async (capacity: number, credit: object | null = { ruleId: rule, points: 8 }) =>
  ok(
    await env.call('demo-cadre', 'activity.post', {
      requestId: rid(),
      kind: 'labour',
      title: '清理河道垃圾',
      place: '村口小河边',
      startAt: START,
      endAt: END,
      capacity,
      credit
    })
  ).id as string
const activity = async (id: string) => (await env.db.collection('activities').doc(id).get()).data
const keyOf = async (id: string) => (await activity(id)).key as string

test('50 sign up at once for 20 places: exactly 20 get one, the count matches the sign-ups', async () => {
  const id = await postActivity(20)
  const people = await addVillagers(env.db, 'su', 50)
  const replies = await Promise.all(
    people.map(p => env.call(p.openid, 'activity.signUp', { requestId: rid(), activityId: id }))
  )
  expect(replies.filter(r => r.ok)).toHaveLength(20)
  expect(new Set(replies.filter(r => !r.ok).map(r => r.code))).toEqual(new Set(['ACTIVITY_FULL']))
  const signups = (await env.db.collection('signups').where({ activityId: id }).limit(1000).get()).data
  expect(signups.filter((s: any) => s.state === 'signedUp')).toHaveLength(20)
  expect((await activity(id)).signedUp).toBe(20)

  // one cancels before the start: a place is free again and the next one gets it
  const [first] = replies.flatMap((r, i) => (r.ok ? [people[i]] : []))
  const late = people.find((_, i) => !replies[i].ok)!
  ok(await env.call(first.openid, 'activity.cancel', { requestId: rid(), activityId: id }))
  expect((await activity(id)).signedUp).toBe(19)
  ok(await env.call(late.openid, 'activity.signUp', { requestId: rid(), activityId: id }))
  expect((await activity(id)).signedUp).toBe(20)
  // after the start neither signing up nor cancelling
  expect(await callAt(START + 1, late.openid, 'activity.cancel', { requestId: rid(), activityId: id })).toMatchObject({
    ok: false,
    code: 'ACTIVITY_STARTED'
  })
})

test('check-in by the code within its window only; outside it or with a wrong key nothing changes', async () => {
  const id = await postActivity(10)
  ok(await env.call('demo-villager', 'activity.signUp', { requestId: rid(), activityId: id }))
  const key = await keyOf(id)
  const checkIn = (at: number, k = key) =>
    callAt(at, 'demo-villager', 'activity.checkIn', { requestId: rid(), activityId: id, key: k })
  expect(await checkIn(START - 31 * 60_000)).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
  expect(await checkIn(END + 1)).toMatchObject({ ok: false, code: 'CHECKIN_CLOSED' })
  expect(await checkIn(START, 'abcdef12')).toMatchObject({ ok: false, code: 'CHECKIN_CODE_WRONG' })
  expect(
    (await env.db.collection('signups').where({ activityId: id }).get()).data.map((s: any) => s.checkedInAt)
  ).toEqual([null])
  // not signed up: the cadre ticks them off instead
  expect(
    await callAt(START, 'demo-villager-2', 'activity.checkIn', { requestId: rid(), activityId: id, key })
  ).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  const inside = ok(await checkIn(START - 10 * 60_000))
  expect(inside.mine).toEqual({ state: 'signedUp', checkedIn: true })
})

test('the code is a wxacode through the open-API seam naming the check-in page, the activity and its key', async () => {
  const id = await postActivity(10)
  const code = ok(await env.call('demo-cadre', 'activity.code', { activityId: id }))
  expect(code.fileID).toMatch(/^cloud:\/\//)
  const again = ok(await env.call('demo-cadre', 'activity.code', { activityId: id }))
  expect(again.fileID).toBe(code.fileID)
  // the villager's views never carry the key
  const seen = ok(await env.call('demo-villager', 'activity.get', { activityId: id }))
  expect(JSON.stringify(seen)).not.toContain(await keyOf(id))
})

test('confirmed twice (also at once): each attending household gets the rule points once', async () => {
  const id = await postActivity(10)
  const people = await addVillagers(env.db, 'att', 4)
  for (const p of people) ok(await env.call(p.openid, 'activity.signUp', { requestId: rid(), activityId: id }))
  const key = await keyOf(id)
  // three check in by the code; the fourth does not come; a household without sign-up is ticked off
  for (const p of people.slice(0, 3))
    ok(await callAt(START, p.openid, 'activity.checkIn', { requestId: rid(), activityId: id, key }))
  ok(
    await callAt(START, 'demo-cadre', 'activity.tick', {
      requestId: rid(),
      activityId: id,
      householdId: 'h-xf-005',
      present: true
    })
  )
  expect(await env.call('demo-cadre', 'activity.confirm', { requestId: rid(), activityId: id })).toMatchObject({
    ok: false,
    code: 'ACTIVITY_NOT_STARTED'
  })
  const before = await household(env.db, 'h-xf-005')
  const confirmAt = () => callAt(END + HOUR, 'demo-cadre', 'activity.confirm', { requestId: rid(), activityId: id })
  const [a, b] = await Promise.all([confirmAt(), confirmAt()])
  expect([ok(a).credited + ok(b).credited, ok(a).already + ok(b).already]).toEqual([4, 4])
  const third = ok(await confirmAt())
  expect(third).toMatchObject({ credited: 0, already: 4, capped: 0 })
  expect(third.activity).toMatchObject({ state: 'confirmed', credited: 4 })

  for (const p of people.slice(0, 3)) expect((await household(env.db, p.householdId)).balance).toBe(8)
  expect((await household(env.db, people[3].householdId)).balance).toBe(0)
  expect((await household(env.db, 'h-xf-005')).balance).toBe(before.balance + 8)
  const credited = (await entriesOf(env.db, 'h-xf-005')).filter((e: any) => e.note === '参加活动：清理河道垃圾')
  expect(credited).toHaveLength(1)
  // once confirmed, attendance is final
  expect(
    await callAt(END + HOUR, 'demo-cadre', 'activity.tick', {
      requestId: rid(),
      activityId: id,
      householdId: 'h-xf-006',
      present: true
    })
  ).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
  await expectLedgerConsistent(env.db)
})

test('the home screen hears of the open vote and the next activity of the village', async () => {
  const id = await postActivity(5, null)
  const now = ok(await env.call('demo-villager', 'village.now', {}))
  // the earliest open one that has not ended: the demo's, tomorrow morning (the tests' start later)
  expect(now.activity).toMatchObject({ id: 'ac-demo-river', state: 'open', credit: { points: 5 } })
  // as of after its end, the next one
  const later = ok(await callAt(now.activity.endAt + 1, 'demo-villager', 'village.now', {}))
  expect(later.activity).toMatchObject({ title: '清理河道垃圾', startAt: START })
  expect(now.vote).toMatchObject({ question: '村委会前的空地修成什么？', state: 'open' })
  expect(ok(await env.call('demo-cadre-jq', 'village.now', {})).activity).toBeNull()
  expect(await env.call('demo-cadre-jq', 'activity.get', { activityId: id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND'
  })
})
