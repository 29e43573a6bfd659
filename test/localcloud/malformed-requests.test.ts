import path from 'node:path'
import { withLocalCloud } from '../helpers/local-cloud'

// Probing the local cloud from outside: a body that is not JSON, cut short, binary or nested without
// end is refused with a 4xx in the error shape of the endpoint's client (never HTTP 500 with a
// parser's message), nothing runs, and the server goes on answering.

let env: Awaited<ReturnType<typeof withLocalCloud>>
let cookie: string

beforeAll(async () => {
  env = await withLocalCloud({ functionsDir: path.join(__dirname, 'fixtures/functions') })
  await env.db.createCollection('visits')
  const login = await fetch(`${env.lc.url}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: 'prober' })
  })
  cookie = login.headers.get('set-cookie')!.split(';')[0]
})
afterAll(() => env.lc.close())

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

const MALFORMED: [string, string | Blob][] = [
  ['not JSON', 'hello, cloud'],
  ['truncated', '{"action":"database.queryDocument","collectionName":"vis'],
  ['binary', new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x7b, 0xc3, 0x28, 0x9f])])],
  ['deeply nested', `{"action":"database.queryDocument","x":${nested(200_000)}}`],
  ['not an object', '[1,2,3]'],
  ['null', 'null']
]

/** what a parser says when it meets what it cannot read; none of it belongs in a refusal */
const PARSER_WORDS = /Unexpected|JSON\.parse|position \d|Maximum call stack|Cannot read|undefined/

const post = (route: string, body: string | Blob, headers: Record<string, string> = {}) =>
  fetch(`${env.lc.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe.each(MALFORMED)('a body that is %s', (_kind, body) => {
  test('to /tcb: 400 with the CloudBase error shape', async () => {
    const res = await post('/tcb', body)
    expect(res.status).toBe(400)
    const reply = await res.json()
    expect(reply).toEqual({ requestId: expect.any(String), code: 'INVALID_PARAM', message: expect.any(String) })
    expect(reply.message).not.toMatch(PARSER_WORDS)
  })

  test('to /fn/<name>: 400 with the errCode/errMsg shape, and the function does not run', async () => {
    const before = env.lc.host!.stats.invocations
    const res = await post('/fn/whoami', body, { cookie })
    expect(res.status).toBe(400)
    const reply = await res.json()
    expect(reply).toEqual({ errCode: -501007, errMsg: expect.any(String) })
    expect(reply.errMsg).not.toMatch(PARSER_WORDS)
    expect(env.lc.host!.stats.invocations).toBe(before)
  })

  test('to /openapi/<api>: 400 with the open API error shape', async () => {
    const res = await post('/openapi/security.msgSecCheck', body)
    expect(res.status).toBe(400)
    const reply = await res.json()
    expect(reply).toEqual({ errCode: 47001, errMsg: expect.stringMatching(/^openapi\.security\.msgSecCheck:fail/) })
    expect(reply.errMsg).not.toMatch(PARSER_WORDS)
  })

  test('to /__dev/login: 400, and nobody is logged in', async () => {
    const res = await post('/__dev/login', body)
    expect(res.status).toBe(400)
    expect(res.headers.get('set-cookie')).toBeNull()
    const reply = await res.json()
    expect(reply).toEqual({ errMsg: expect.any(String) })
    expect(reply.errMsg).not.toMatch(PARSER_WORDS)
  })
})

test('a document nested deeper than 100 levels is refused through the SDK with its INVALID_PARAM code', async () => {
  const deep = JSON.parse(nested(150))
  await expect(env.db.collection('visits').add({ data: { _id: 'deep', deep } })).rejects.toMatchObject({
    errCode: -501007
  })
  await expect(env.db.collection('visits').doc('deep').get()).rejects.toThrow()
  // within the bound, as in MongoDB (100 levels), a document is kept
  await env.db.collection('visits').add({ data: { _id: 'fine', deep: JSON.parse(nested(90)) } })
  expect((await env.db.collection('visits').doc('fine').get()).data._id).toBe('fine')
})

test('after all of it the server still answers, through the SDK and through /fn', async () => {
  const { total } = await env.db.collection('visits').count()
  expect(typeof total).toBe('number')
  const res = await post('/fn/whoami', JSON.stringify({ n: 1 }), { cookie })
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ openid: 'prober' })
})

test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
  'an action or open API named like an inherited property (%s) is unknown, not run',
  async name => {
    const tcb = await post('/tcb', JSON.stringify({ action: name }))
    expect(tcb.status).toBe(200)
    expect(await tcb.json()).toMatchObject({
      code: 'INVALID_PARAM',
      message: `action not supported by the local cloud: ${name}`
    })
    const openApi = await post(`/openapi/${name}`, '{}')
    expect(openApi.status).toBe(404)
    expect(await openApi.json()).toEqual({ errCode: -604101, errMsg: `openapi.${name}:fail no local stand-in` })
  }
)

test.each(['/storage/file/%E0%A4%A', '/storage/file/%'])('a path with a broken escape (%s) is a 400', async p => {
  const res = await fetch(`${env.lc.url}${p}`)
  expect(res.status).toBe(400)
  expect(await res.json()).toEqual({ errMsg: 'the request path is not a valid URL' })
})
