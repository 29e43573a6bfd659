import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { handlers } from '../../cloudfunctions/api/routes'
import type { Route } from '../../cloudfunctions/api/router/route'
import { transact } from '../../cloudfunctions/shared/data/transaction'
import { routes, RouteName } from '../../core/contract/routes'

/**
 * The route layer: what a route declares, the router performs, and refuses to start without; and the
 * defects found probing the api from outside, each pinned by a test.
 */
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
})
afterAll(() => env.close())

/** Everything but Date keeps running for real when a test moves the clock */
const REAL_TIMERS: FakeableAPI[] = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout'
]

const without = (name: RouteName, field: string) => {
  const { [field]: _dropped, ...rest } = handlers[name] as unknown as Record<string, unknown>
  return { ...handlers, [name]: rest as never }
}

test('a route that writes and declares no audit action is refused at registration', () => {
  expect(() => env.router(without('score.batch', 'audit'))).toThrow(/writes but declares no audit action/)
})

test('a route that reads a list and declares no paging bound is refused at registration', () => {
  expect(() => env.router(without('posting.list', 'paging'))).toThrow(/reads a list but declares no paging/)
})

test('a route that declares no scope is refused at registration', () => {
  expect(() => env.router(without('archive.home', 'scope'))).toThrow(/declares no scope/)
})

test('every write route declares an audit action or why it records none; every list a bound', () => {
  for (const name of Object.keys(routes) as RouteName[]) {
    const route = handlers[name] as { audit?: unknown; paging?: unknown }
    if (routes[name].write) expect([name, route.audit]).toEqual([name, expect.anything()])
    if (routes[name].list) expect([name, route.paging]).toEqual([name, expect.anything()])
  }
})

test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
  'a route named like an inherited property (%s) is an unknown route, not an internal error',
  async name => {
    expect(await env.call('demo-villager', name)).toMatchObject({ ok: false, code: 'UNKNOWN_ROUTE' })
  }
)

test('control characters in a search are stripped in one place, not an internal error', async () => {
  const reply = await env.call('demo-cadre', 'cadre.households', { query: '\u0000' })
  expect(reply).toMatchObject({ ok: true })
  const withText = await env.call('demo-cadre', 'cadre.households', { query: '12\u0000号' })
  expect(withText).toMatchObject({ ok: true })
})

test('control characters never reach stored text', async () => {
  const reply = await env.call('demo-villager', 'issue.raise', {
    requestId: rid(),
    category: '其他',
    text: '路灯\u0000坏了\u001b[31m'
  })
  expect(reply).toMatchObject({ ok: true, data: { text: '路灯坏了[31m' } })
})

test('a refused act leaves no audit record: rules.retire by another village’s cadre', async () => {
  const before = await env.db.collection('audit').where({ action: 'rules.retire' }).count()
  const reply = await env.call('demo-cadre-jq', 'rules.retire', { requestId: rid(), ruleId: 'r-xf-volunteer' })
  expect(reply).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
  const after = await env.db.collection('audit').where({ action: 'rules.retire' }).count()
  expect(after.total).toBe(before.total)
  const rule = await env.db.collection('rules').doc('r-xf-volunteer').get()
  expect(rule.data.active).toBe(true)
})

test('an allowed act writes its audit record once, however often it is retried', async () => {
  const requestId = rid()
  const input = { requestId, ruleId: 'r-xf-volunteer' }
  const replies = await Promise.all([1, 2, 3].map(() => env.call('demo-cadre', 'rules.retire', input)))
  for (const r of replies) expect(r).toMatchObject({ ok: true, data: { active: false } })
  const records = await env.db.collection('audit').where({ action: 'rules.retire', actor: 'demo-cadre' }).get()
  expect(records.data).toHaveLength(1)
  expect(records.data[0]).toMatchObject({ placeId: 'v-xinfeng', after: { active: false } })
})

test.each([
  ['far future', 1e300],
  ['before the product existed', 0],
  ['not a number', Number.NaN]
])('a time from the client out of any sane window (%s) is refused and nothing is stored', async (_case, at) => {
  const before = await env.db.collection('gridLogs').count()
  const reply = await env.call('demo-grid', 'grid.createLog', { requestId: rid(), type: 'patrol', at })
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((await env.db.collection('gridLogs').count()).total).toBe(before.total)
})

test('two identical writes in flight run the handler once and both answer with what was stored', async () => {
  const input = { requestId: rid(), type: 'visit', at: Date.UTC(2026, 10, 27, 3), note: '走访' }
  const [a, b] = await Promise.all([
    env.call('demo-grid', 'grid.createLog', input),
    env.call('demo-grid', 'grid.createLog', input)
  ])
  expect(a).toMatchObject({ ok: true })
  expect(b).toEqual(a)
  const logs = await env.db.collection('gridLogs').where({ note: '走访', by: 'demo-grid' }).get()
  expect(logs.data).toHaveLength(1)
})

test('a duplicate of a write that runs for seconds waits for it and answers with its reply', async () => {
  // the first call is held for 4 s: longer than the 3 s of polls a duplicate used to wait before BUSY
  const original = handlers['grid.createLog'] as Extract<Route<'grid.createLog'>, { scope: 'grid' }>
  let runs = 0
  const heldHandle: typeof original.handle = async (input, ctx) => {
    runs++
    await new Promise(resolve => setTimeout(resolve, 4_000))
    return original.handle(input, ctx)
  }
  const held = { ...original, handle: heldHandle }
  const handle = env.router({ ...handlers, 'grid.createLog': held })
  const event = {
    route: 'grid.createLog',
    input: { requestId: rid(), type: 'visit', at: Date.UTC(2026, 10, 27, 3), note: '慢' }
  }
  const [a, b] = await Promise.all([handle(event, env.ctxFor('demo-grid')), handle(event, env.ctxFor('demo-grid'))])
  expect(a).toMatchObject({ ok: true })
  expect(b).toEqual(a)
  expect(runs).toBe(1)
}, 30_000) // the 4 s hold is most of Jest's default 5 s: room for the calls themselves on a busy machine

test('a transaction the database ended for idling is run again, never read as a missing document', async () => {
  let attempts = 0
  const household = await transact(env.ctxFor('demo-cadre'), async tx => {
    attempts++
    const before = await tx.get('households', 'h-xf-001')
    if (attempts === 1) {
      // the local cloud ends a transaction idle for over 10 s when another one starts: move its clock on
      jest.useFakeTimers({ doNotFake: REAL_TIMERS, now: Date.now() + 11_000 })
      try {
        await (await env.db.startTransaction()).rollback()
      } finally {
        jest.useRealTimers()
      }
      return tx.get('households', 'h-xf-001')
    }
    return before
  })
  expect(attempts).toBe(2)
  expect(household).toMatchObject({ _id: 'h-xf-001' })
})

test('a refused write releases its request: the same request id may be tried again', async () => {
  const requestId = rid()
  const first = await env.call('demo-cadre', 'rules.save', {
    requestId,
    terms: {
      category: '平安建设',
      title: '好',
      points: { min: 5, max: 1 },
      cap: null,
      evidenceRequired: false,
      proposers: ['cadre']
    }
  })
  expect(first).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const again = await env.call('demo-cadre', 'rules.save', {
    requestId,
    terms: {
      category: '平安建设',
      title: '好',
      points: { min: 1, max: 5 },
      cap: null,
      evidenceRequired: false,
      proposers: ['cadre']
    }
  })
  expect(again).toMatchObject({ ok: true })
})
