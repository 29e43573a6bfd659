import { productCloud } from '../helpers/product-cloud'
import { handlers } from '../../cloudfunctions/api/routes'

let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
})
afterAll(() => env.close())

test('refuses to register a route that declares no policy', () => {
  const { access: _dropped, ...withoutPolicy } = handlers['archive.home']
  expect(() => env.router({ ...handlers, 'archive.home': withoutPolicy as never })).toThrow(/no access policy/)
})

test('an unknown route gets a stable code and a Chinese message', async () => {
  expect(await env.call('demo-villager', 'nothing.here')).toEqual({
    ok: false,
    code: 'UNKNOWN_ROUTE',
    message: expect.stringMatching(/[\u4e00-\u9fa5]/)
  })
})

test.each([
  ['an extra field', { requestId: 'abcdefgh12', largeFont: true, openid: 'someone-else' }, '有多余的内容'],
  // the field is named as the user knows it, never by its name in the code
  ['a missing field', { requestId: 'abcdefgh12' }, '大字模式'],
  ['a wrong type', { requestId: 'abcdefgh12', largeFont: 'yes' }, '大字模式'],
  ['a malformed request id', { requestId: 'x', largeFont: true }, '请求编号格式不对']
])('bad input (%s) is refused with INVALID_INPUT and changes nothing', async (_case, input, hint) => {
  const reply = await env.call('demo-villager', 'me.setPreferences', input)
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((reply as { message: string }).message).toContain(hint)
  const user = await env.db.collection('users').doc('demo-villager').get()
  expect(user.data.largeFont).toBe(false)
})

test('a write retried with the same request id is applied once and answers the same', async () => {
  const first = await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-0001', largeFont: true })
  // someone changes it in between; the retry of the first request must not apply it again
  await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-0002', largeFont: false })
  const retry = await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-0001', largeFont: true })
  expect(first).toEqual({ ok: true, data: { largeFont: true } })
  expect(retry).toEqual(first)
  expect((await env.db.collection('users').doc('demo-villager').get()).data.largeFont).toBe(false)
})

test('a request id sent again with other content is refused and changes nothing', async () => {
  const first = await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-reuse-1', largeFont: true })
  expect(first).toEqual({ ok: true, data: { largeFont: true } })
  // not a retry: a retry sends what it sent before; answering the first reply would hide that nothing was done
  const reused = await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-reuse-1', largeFont: false })
  expect(reused).toEqual({ ok: false, code: 'REQUEST_REUSED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
  expect((await env.db.collection('users').doc('demo-villager').get()).data.largeFont).toBe(true)
  // the request itself may still be retried
  expect(await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-reuse-1', largeFont: true })).toEqual(
    first
  )
  await env.call('demo-villager', 'me.setPreferences', { requestId: 'pref-reuse-2', largeFont: false })
})

test('of two calls in flight with one request id and different content, one is applied', async () => {
  const replies = await Promise.all(
    [true, false].map(largeFont =>
      env.call('demo-villager-2', 'me.setPreferences', { requestId: 'pref-reuse-race', largeFont })
    )
  )
  const applied = replies.filter(r => r.ok)
  expect(applied).toHaveLength(1)
  expect(replies.filter(r => !r.ok)).toEqual([expect.objectContaining({ code: 'REQUEST_REUSED' })])
  const stored = (await env.db.collection('users').doc('demo-villager-2').get()).data.largeFont
  expect(applied[0]).toEqual({ ok: true, data: { largeFont: stored } })
})

test('concurrent retries of one request store one reply', async () => {
  const replies = await Promise.all(
    Array.from({ length: 10 }, () =>
      env.call('demo-villager-2', 'me.setPreferences', { requestId: 'pref-race-1', largeFont: true })
    )
  )
  for (const r of replies) expect(r).toEqual({ ok: true, data: { largeFont: true } })
  const stored = await env.db.collection('requests').where({ route: 'me.setPreferences' }).count()
  expect(stored.total).toBe(6) // pref-0001, pref-0002, three of the reuse tests' and the one raced here
})

test('identity comes from ctx, not from the input', async () => {
  const reply = await env.call('demo-stranger', 'archive.home', {})
  expect(reply).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  const smuggled = await env.call('demo-stranger', 'archive.home', { openid: 'demo-villager' })
  expect(smuggled).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('the county administrator by configuration keeps large font too (no user record until then)', async () => {
  expect(await env.db.collection('users').where({ _id: 'demo-county' }).count()).toMatchObject({ total: 0 })
  const set = await Promise.all(
    ['pref-county-1', 'pref-county-2'].map(requestId =>
      env.call('demo-county', 'me.setPreferences', { requestId, largeFont: true })
    )
  )
  expect(set).toEqual([
    { ok: true, data: { largeFont: true } },
    { ok: true, data: { largeFont: true } }
  ])
  const session = await env.call('demo-county', 'me.session', {})
  expect(session).toMatchObject({ ok: true, data: { largeFont: true } })
  expect((session as any).data.roles.map((r: any) => r.role)).toEqual(['countyAdmin'])
})
