import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { seedDemo } from '../../scripts/seed/seed'
import { ROOT, sdkFor } from '../helpers/local-cloud'

// The deployable bundle (dist/cloudfunctions/api, built by `npm test` first) in the function host.
// Tests here start function instances, each loading a whole bundle: alone at a load average of 14 the
// setup took 2.5 s and the timer 1.3 s; in the full suite under load the timer passed Jest's default 5 s.
jest.setTimeout(30_000)
let lc: LocalCloud
beforeAll(async () => {
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  await seedDemo(sdkFor(lc, 'seed').database())
})
afterAll(() => lc.close())

async function as(openid: string) {
  const login = await fetch(`${lc.url}/__dev/login`, {
    method: 'POST',
    body: JSON.stringify({ openid }),
    headers: { 'content-type': 'application/json' }
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  return (route: string, input: unknown = {}) =>
    fetch(`${lc.url}/fn/api`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ route, input }) })
}

test('the built api function answers with the caller from getWXContext and counts its round trips', async () => {
  const call = await as('demo-villager')
  const res = await call('archive.home')
  const body = await res.json()
  expect(body).toMatchObject({ ok: true, data: { card: { householdId: 'h-xf-012', head: '王秀英' } } })
  // the caller's user document, the household (which carries its latest entries and village facts), the rank count
  expect(res.headers.get('x-db-roundtrips')).toBe('3')
})

test('the built api function refuses what the router refuses', async () => {
  const call = await as('demo-stranger')
  expect(await (await call('archive.home')).json()).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  expect(await (await call('archive.home', { householdId: 'h-xf-012' })).json()).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT'
  })
})

test('the setup function creates the collections and is safe to run again', async () => {
  const login = await fetch(`${lc.url}/__dev/login`, {
    method: 'POST',
    body: JSON.stringify({ openid: 'operator' }),
    headers: { 'content-type': 'application/json' }
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const setup = async () =>
    (await fetch(`${lc.url}/fn/setup`, { method: 'POST', headers: { cookie }, body: '{}' })).json()
  // the seeded documents carry no schema version yet: the migrations stamp them, resuming call after call
  for (let calls = 0; calls < 10 && !(await setup()).migrations.finished; calls++);
  expect(await setup()).toEqual({
    created: [],
    existing: expect.arrayContaining(['households', 'entries', 'users', 'migrations']),
    migrations: { finished: true, updated: {} }
  })
}, 60_000) // the first run migrates every seeded document

test('in the host the open-API seam reaches the local stand-ins: a refused text saves nothing', async () => {
  const call = await as('demo-villager')
  const refused = await (
    await call('claim.create', {
      requestId: 'fn-claim-0001',
      ruleId: 'r-xf-volunteer',
      points: 5,
      description: '帮人赌博'
    })
  ).json()
  expect(refused).toMatchObject({ ok: false, code: 'CONTENT_REFUSED' })
  const fine = await (
    await call('claim.create', {
      requestId: 'fn-claim-0002',
      ruleId: 'r-xf-volunteer',
      points: 5,
      description: '帮邻居收玉米'
    })
  ).json()
  expect(fine).toMatchObject({ ok: true, data: { state: 'pending' } })
})

test('the award of one household stays within ten round trips, with its posting and audit record', async () => {
  const call = await as('demo-cadre')
  const res = await call('score.award', {
    requestId: 'fn-award-0001',
    householdId: 'h-xf-002',
    ruleId: 'r-xf-mess',
    points: -5,
    evidence: ['cloud://local-env.local-bucket/evidence/mess.jpg']
  })
  expect(await res.json()).toMatchObject({ ok: true })
  // identity, rule, and the transaction: start, household, entry, posting, audit, household update, commit
  expect(Number(res.headers.get('x-db-roundtrips'))).toBeLessThanOrEqual(10)
})

test('the host schedules the timer function by its trigger, in China Standard Time', async () => {
  const scheduled = lc.host!.startTimers()
  const hourly = scheduled.find(t => t.functionName === 'timer')
  expect(hourly).toMatchObject({ trigger: 'hourly' })
  // "0 0 * * * * *": the next whole hour, within the hour
  expect(hourly!.next.getUTCMinutes()).toBe(0)
  expect(hourly!.next.getTime() - Date.now()).toBeLessThanOrEqual(3600_000)
  const ran = await lc.host!.invoke('timer', { Type: 'Timer', TriggerName: 'hourly' }, {})
  expect(ran.result).toMatchObject({ ran: 'hourly', finalised: expect.any(Number), expired: expect.any(Number) })
})
