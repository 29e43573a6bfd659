import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'

/** Bad input gets a stable code and a Chinese message, and changes nothing. */
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
})
afterAll(() => env.close())

const award = (over: Record<string, unknown>) => ({
  requestId: rid(),
  householdId: 'h-xf-012',
  ruleId: 'r-xf-volunteer',
  points: 5,
  ...over
})
const terms = {
  category: '平安建设',
  title: '好',
  points: { min: 1, max: 5 },
  cap: null,
  evidenceRequired: false,
  proposers: ['cadre']
}

const CASES: [string, string, string, unknown, string][] = [
  ['wrong type', 'score.award', 'demo-cadre', award({ points: '5' }), 'INVALID_INPUT'],
  ['fractional points', 'score.award', 'demo-cadre', award({ points: 5.5 }), 'INVALID_INPUT'],
  [
    'missing field',
    'score.award',
    'demo-cadre',
    { requestId: rid(), householdId: 'h-xf-012', points: 5 },
    'INVALID_INPUT'
  ],
  ['extra field', 'score.award', 'demo-cadre', award({ villageId: 'v-jinqiao' }), 'INVALID_INPUT'],
  [
    'no request id on a write',
    'score.award',
    'demo-cadre',
    { householdId: 'h-xf-012', ruleId: 'r-xf-volunteer', points: 5 },
    'INVALID_INPUT'
  ],
  ['oversized note', 'score.award', 'demo-cadre', award({ note: '很'.repeat(201) }), 'INVALID_INPUT'],
  [
    'evidence that is not a cloud file',
    'score.award',
    'demo-cadre',
    award({ evidence: ['http://example.com/a.jpg'] }),
    'INVALID_INPUT'
  ],
  ['points above the rule range', 'score.award', 'demo-cadre', award({ points: 15 }), 'POINTS_OUT_OF_RANGE'],
  ['points of the wrong sign', 'score.award', 'demo-cadre', award({ points: -5 }), 'POINTS_OUT_OF_RANGE'],
  ['unknown household', 'score.award', 'demo-cadre', award({ householdId: 'h-xf-999' }), 'NOT_FOUND'],
  ['unknown rule', 'score.award', 'demo-cadre', award({ ruleId: 'r-xf-none' }), 'NOT_FOUND'],
  ['id with odd characters', 'score.award', 'demo-cadre', award({ householdId: 'h-xf-012"; drop' }), 'INVALID_INPUT'],
  [
    'an empty batch',
    'score.batch',
    'demo-cadre',
    { requestId: rid(), householdIds: [], ruleId: 'r-xf-volunteer', points: 5 },
    'INVALID_INPUT'
  ],
  [
    'batch points out of range',
    'score.batch',
    'demo-cadre',
    { requestId: rid(), householdIds: ['h-xf-001'], ruleId: 'r-xf-volunteer', points: 50 },
    'POINTS_OUT_OF_RANGE'
  ],
  [
    'correction of an unknown entry',
    'score.correct',
    'demo-cadre',
    { requestId: rid(), entryId: 'nope', points: 0, reason: '错' },
    'NOT_FOUND'
  ],
  [
    'correction without reason',
    'score.correct',
    'demo-cadre',
    { requestId: rid(), entryId: 'seed-h-xf-012-3-0', points: 0, reason: '  ' },
    'INVALID_INPUT'
  ],
  [
    'rule with min above max',
    'rules.save',
    'demo-cadre',
    { requestId: rid(), terms: { ...terms, points: { min: 5, max: 1 } } },
    'INVALID_INPUT'
  ],
  [
    'rule mixing award and deduction',
    'rules.save',
    'demo-cadre',
    { requestId: rid(), terms: { ...terms, points: { min: -5, max: 5 } } },
    'INVALID_INPUT'
  ],
  [
    'rule of an unknown category',
    'rules.save',
    'demo-cadre',
    { requestId: rid(), terms: { ...terms, category: '别的' } },
    'INVALID_INPUT'
  ],
  ['edit of an unknown rule', 'rules.save', 'demo-cadre', { requestId: rid(), ruleId: 'r-none', terms }, 'NOT_FOUND'],
  [
    'stars not ascending',
    'village.setStars',
    'demo-cadre',
    { requestId: rid(), thresholds: [100, 80] },
    'INVALID_INPUT'
  ],
  [
    'join code of the wrong shape',
    'join.bind',
    'demo-stranger',
    { requestId: rid(), code: '12', name: '某某' },
    'INVALID_INPUT'
  ],
  [
    'unknown join code',
    'join.bind',
    'demo-stranger',
    { requestId: rid(), code: 'ABCDEFGH', name: '某某' },
    'CODE_INVALID'
  ],
  [
    'oversized name',
    'join.bind',
    'demo-stranger',
    { requestId: rid(), code: 'ABCDEFGH', name: '名'.repeat(21) },
    'INVALID_INPUT'
  ],
  ['history of a malformed period', 'archive.history', 'demo-villager', { period: '2026/11' }, 'INVALID_INPUT'],
  ['history of no such month', 'archive.history', 'demo-villager', { period: '2026-13' }, 'INVALID_INPUT'],
  ['ranking of an unknown period', 'archive.ranking', 'demo-villager', { period: 'week' }, 'INVALID_INPUT'],
  ['grid logs of no such month', 'grid.logs', 'demo-grid', { month: '2026-13' }, 'INVALID_INPUT'],
  ['page zero', 'archive.history', 'demo-villager', { page: 0 }, 'INVALID_INPUT'],
  [
    'grant on an unknown place',
    'roles.grant',
    'demo-cadre',
    { requestId: rid(), openid: 'someone-1', name: '某', role: 'gridWorker', placeIds: ['g-none'] },
    'GRANT_NOT_ALLOWED'
  ],
  ['input that is not an object', 'archive.rules', 'demo-villager', 'rules', 'INVALID_INPUT'],
  ['unknown route', 'archive.delete', 'demo-villager', {}, 'UNKNOWN_ROUTE']
]

/** Everything a bad call could have touched. */
async function snapshot() {
  const all = async (collection: string) => (await env.db.collection(collection).limit(1000).get()).data
  return {
    households: await all('households'),
    rules: await all('rules'),
    users: await all('users'),
    grants: await all('grants'),
    joinCodes: await all('joinCodes'),
    places: await all('places'),
    entries: (await env.db.collection('entries').count()).total
  }
}

test.each(CASES)('%s (%s) → %s', async (_label, route, persona, input, code) => {
  const before = await snapshot()
  const reply = await env.call(persona, route, input)
  expect(reply).toMatchObject({ ok: false, code })
  if (!reply.ok) expect(reply.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(await snapshot()).toEqual(before)
})

test('the ledger is still consistent', async () => {
  await expectLedgerConsistent(env.db)
})
