import path from 'node:path'
import { withLocalCloud } from '../helpers/local-cloud'

let env: Awaited<ReturnType<typeof withLocalCloud>>

beforeAll(async () => {
  env = await withLocalCloud({ functionsDir: path.join(__dirname, 'fixtures/functions'), appId: 'wxtestapp' })
  await env.db.createCollection('visits')
})
afterAll(() => env.lc.close())

test('a file uploads, gets a URL that serves it, and is deleted', async () => {
  const { fileID } = await env.cloud.uploadFile({
    cloudPath: 'evidence/photo.txt',
    fileContent: Buffer.from('门前干净')
  })
  const { fileList } = await env.cloud.getTempFileURL({ fileList: [fileID] })
  expect(fileList[0].status).toBe(0)
  expect(await (await fetch(fileList[0].tempFileURL)).text()).toBe('门前干净')
  const deleted = await env.cloud.deleteFile({ fileList: [fileID] })
  expect(deleted.fileList[0]).toMatchObject({ fileID, status: 0 })
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(404)
  const again = await env.cloud.getTempFileURL({ fileList: [fileID] })
  expect(again.fileList[0].status).toBe(-503003)
})

async function loginAs(openid: string) {
  const res = await fetch(`${env.lc.url}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid })
  })
  return res.headers.get('set-cookie')!.split(';')[0]
}

const invoke = (cookie: string, name: string, event: object) =>
  fetch(`${env.lc.url}/fn/${name}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(event)
  })

test('a function invoked through /fn sees the dev persona, uses the database and reports its round trips', async () => {
  const cookie = await loginAs('villager-1')
  const first = await invoke(cookie, 'whoami', { n: 1 })
  expect(first.status).toBe(200)
  expect(await first.json()).toMatchObject({
    openid: 'villager-1',
    appid: 'wxtestapp',
    visits: 1,
    userInfo: { openId: 'villager-1', appId: 'wxtestapp' }
  })
  expect(first.headers.get('x-db-roundtrips')).toBe('2') // one add, one count
  expect(first.headers.get('x-cold-start')).toBe('1')
  // the CPU time of the instance's own thread during the invocation (Linux): the function's own work
  if (process.platform === 'linux') expect(Number(first.headers.get('x-cpu-ms'))).toBeGreaterThan(0)

  const second = await invoke(cookie, 'whoami', { n: 2 })
  expect(second.headers.get('x-cold-start')).toBe('0')
  expect(await second.json()).toMatchObject({ visits: 2, invocations: 2 }) // the instance was reused

  const other = await invoke(await loginAs('villager-2'), 'whoami', { n: 3 })
  expect(await other.json()).toMatchObject({ openid: 'villager-2', visits: 1 })
})

test('concurrent invocations run on separate instances, each with its own caller', async () => {
  const cookies = await Promise.all(['c1', 'c2', 'c3', 'c4'].map(loginAs))
  const results = await Promise.all(cookies.map(c => invoke(c, 'whoami', { n: 0 }).then(r => r.json())))
  expect(results.map(r => r.openid)).toEqual(['c1', 'c2', 'c3', 'c4'])
})

test('invocations started in the same tick never share an instance', async () => {
  // acquiring an instance is asynchronous; a second call in the same tick once took the first call's
  // instance before it was marked busy, and the first invocation never answered
  const results = await Promise.all(
    ['t1', 't2', 't3'].map(openid => env.lc.host!.invoke('whoami', { n: 0 }, { openid }))
  )
  expect(results.map(r => (r.result as { openid: string }).openid)).toEqual(['t1', 't2', 't3'])
})

test('without a dev session /fn is refused; the timeout from config.json ends the invocation', async () => {
  expect((await invoke('', 'whoami', {})).status).toBe(401)
  const cookie = await loginAs('villager-1')
  const timedOut = await invoke(cookie, 'slow', { ms: 1500 })
  expect(timedOut.status).toBe(500)
  expect((await timedOut.json()).errMsg).toContain('timed out after 1.00 seconds')
  const fine = await invoke(cookie, 'slow', { ms: 10 })
  expect(await fine.json()).toEqual({ slept: 10 })
  expect(env.lc.host!.stats.timeouts).toBe(1)
})

test('health check', async () => {
  expect(await (await fetch(`${env.lc.url}/healthz`)).json()).toEqual({ ok: true })
})

test("a function's open-API calls are counted apart from its database round trips", async () => {
  const res = await invoke(await loginAs('villager-1'), 'checker', { texts: ['门前干净', '赌博'] })
  expect(await res.json()).toEqual({ suggestions: ['pass', 'risky'] })
  expect(res.headers.get('x-openapi-calls')).toBe('2')
  expect(res.headers.get('x-db-roundtrips')).toBe('0')
})
