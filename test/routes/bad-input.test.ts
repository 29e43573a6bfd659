import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'
import { registerFile, validIdNumber } from '../helpers/register'

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

const DAY_MS = 24 * 3600_000
/** the clock of productCloud */
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const vote = (over: Record<string, unknown>) => ({
  requestId: rid(),
  question: '修路吗',
  options: ['修', '不修'],
  deadlineAt: NOW + 2 * DAY_MS,
  ...over
})
const organisation = (over: Record<string, unknown>) => ({
  requestId: rid(),
  name: '新单位',
  kind: 'power',
  townIds: ['t-xiangyang'],
  ...over
})

const partyRule = (over: Record<string, unknown>) => ({
  requestId: rid(),
  terms: {
    group: '服务群众',
    title: '细则',
    points: { min: 1, max: 5 },
    cap: null,
    evidenceRequired: false,
    categories: ['employed'],
    claimable: false,
    meeting: null,
    ...over
  }
})

/** label, route, persona, input, code, and (optional) what the message must say / must not say */
type Case = [string, string, string, unknown, string, { says?: RegExp; not?: RegExp }?]

const CASES: Case[] = [
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
  // periods and days that do not exist, or of another kind than asked
  [
    'fairness of no such month',
    'fairness.town',
    'demo-town',
    { key: '2026-13' },
    'INVALID_INPUT',
    { says: /时间段/, not: /细则/ }
  ],
  ['fairness of month zero', 'fairness.town', 'demo-town', { key: '2026-00' }, 'INVALID_INPUT'],
  ['fairness of the year 0', 'fairness.town', 'demo-town', { period: 'year', key: '0000' }, 'INVALID_INPUT'],
  [
    'fairness of a quarter as a month',
    'fairness.town',
    'demo-town',
    { period: 'month', key: '2026-Q4' },
    'INVALID_INPUT'
  ],
  ['fairness of a month as a year', 'fairness.town', 'demo-town', { period: 'year', key: '2026-11' }, 'INVALID_INPUT'],
  [
    'seal export from a day that does not exist',
    'seal.export',
    'demo-villager',
    { fromDay: '2026-02-30', toDay: '2026-03-01' },
    'INVALID_INPUT',
    { says: /日期/, not: /92天/ }
  ],
  [
    'seal export of month 13',
    'seal.export',
    'demo-villager',
    { fromDay: '2026-13-01' },
    'INVALID_INPUT',
    { not: /92天/ }
  ],
  [
    'seal export ending before it starts',
    'seal.export',
    'demo-villager',
    { fromDay: '2026-11-20', toDay: '2026-11-01' },
    'INVALID_INPUT',
    { not: /92天/ }
  ],
  [
    'seal file of the year 9999',
    'seal.exportFile',
    'demo-villager',
    { fromDay: '9999-01-01' },
    'INVALID_INPUT',
    { not: /92天/ }
  ],
  ['ledger export of month 13', 'export.ledger', 'demo-cadre', { period: '2026-13' }, 'INVALID_INPUT'],
  ['party rating of the year 0', 'partyRating.sheet', 'demo-secretary', { year: '0000' }, 'INVALID_INPUT'],
  [
    'party rating of a general branch (not a branch)',
    'partyRating.sheet',
    'demo-town-party',
    { year: '2026', branchId: 'po-xf' },
    'NOT_FOUND'
  ],
  [
    'party rating posted for a general branch',
    'partyRating.post',
    'demo-town-party',
    { requestId: rid(), year: '2026', branchId: 'po-xf' },
    'NOT_FOUND'
  ],
  [
    'a party member of a household that does not exist',
    'partyBranch.saveMember',
    'demo-secretary',
    { requestId: rid(), name: '某某', category: 'employed', householdId: 'h-xf-999' },
    'NOT_FOUND'
  ],
  [
    'a party rule with a cap below one score',
    'partyBranch.saveRule',
    'demo-secretary',
    partyRule({ cap: { period: 'year', max: 2 } }),
    'INVALID_INPUT'
  ],
  [
    'a meeting rule that deducts',
    'partyBranch.saveRule',
    'demo-secretary',
    partyRule({ points: { min: -3, max: -3 }, meeting: 'partyDay' }),
    'INVALID_INPUT'
  ],
  [
    'a meeting rule of a range',
    'partyBranch.saveRule',
    'demo-secretary',
    partyRule({ points: { min: 1, max: 3 }, meeting: 'partyDay' }),
    'INVALID_INPUT'
  ],
  // votes and organisations
  ['a vote with the same option twice', 'vote.open', 'demo-cadre', vote({ options: ['修', ' 修'] }), 'INVALID_INPUT'],
  ['a vote open for decades', 'vote.open', 'demo-cadre', vote({ deadlineAt: Date.UTC(2099, 0, 1) }), 'INVALID_INPUT'],
  [
    'an organisation serving the same town twice',
    'org.save',
    'demo-county',
    organisation({ townIds: ['t-xiangyang', 't-xiangyang'] }),
    'INVALID_INPUT'
  ],
  [
    'a bank registered again as another kind',
    'org.save',
    'demo-county',
    organisation({ organisationId: 'org-bank', name: '农商银行', kind: 'police' }),
    'INVALID_INPUT'
  ],
  [
    'another organisation registered again as a bank',
    'org.save',
    'demo-county',
    organisation({ organisationId: 'org-police', name: '派出所', kind: 'bank' }),
    'INVALID_INPUT'
  ],
  // text that is nothing but broken or invisible characters
  [
    'an issue of lone surrogates and direction marks',
    'issue.raise',
    'demo-villager',
    { requestId: rid(), category: '其他', text: '\ud800\u202e\udc00' },
    'INVALID_INPUT'
  ],
  // each field named as the user knows it on that page
  [
    'a check-in code of the wrong shape',
    'activity.checkIn',
    'demo-villager',
    { requestId: rid(), activityId: 'ac-demo-river', key: 'ABCDEFGH' },
    'INVALID_INPUT',
    { says: /签到码/, not: /细则/ }
  ],
  [
    'a party binding code of the wrong type',
    'partyMember.bind',
    'demo-stranger',
    { requestId: rid(), code: 12345678 },
    'INVALID_INPUT',
    { says: /绑定码/, not: /入户码/ }
  ],
  [
    'an activity of no such kind',
    'activity.post',
    'demo-cadre',
    {
      requestId: rid(),
      kind: 'party',
      title: '扫地',
      place: '村口',
      startAt: NOW + DAY_MS,
      endAt: NOW + DAY_MS + 3600_000,
      capacity: 10
    },
    'INVALID_INPUT',
    { says: /活动/, not: /栏目/ }
  ],
  ['unknown route', 'archive.delete', 'demo-villager', {}, 'UNKNOWN_ROUTE']
]

/** Everything a bad call could have touched. */
async function snapshot() {
  const all = async (collection: string) =>
    (await env.db.collection(collection).orderBy('_id', 'asc').limit(1000).get()).data
  return {
    households: await all('households'),
    rules: await all('rules'),
    users: await all('users'),
    grants: await all('grants'),
    joinCodes: await all('joinCodes'),
    places: await all('places'),
    votes: await all('votes'),
    organisations: await all('organisations'),
    issues: await all('issues'),
    activities: await all('activities'),
    partyOrgs: await all('partyOrgs'),
    ratingSheets: await all('ratingSheets'),
    entries: (await env.db.collection('entries').count()).total
  }
}

// the message check has a default: jest would take a sixth parameter that a row leaves out for `done`
test.each(CASES)('%s (%s) → %s', async (_label, route, persona, input, code, message = {}) => {
  const before = await snapshot()
  const reply = await env.call(persona, route, input)
  expect(reply).toMatchObject({ ok: false, code })
  if (reply.ok) return
  expect(reply.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(reply.message).not.toMatch(/[A-Za-z]{2,}/)
  if (message.says) expect(reply.message).toMatch(message.says)
  if (message.not) expect(reply.message).not.toMatch(message.not)
  expect(await snapshot()).toEqual(before)
})

/** Everything a party write could have touched. */
async function partySnapshot() {
  const all = async (collection: string) => (await env.db.collection(collection).limit(1000).get()).data
  return {
    members: await all('partyMembers'),
    objections: await all('partyObjections'),
    acts: await all('partyActs'),
    entries: (await env.db.collection('entries').count()).total,
    audit: (await env.db.collection('audit').count()).total
  }
}

const ok = async (openid: string, route: string, input: Record<string, unknown>) => {
  const reply = await env.call(openid, route, { requestId: rid(), ...input })
  if (!reply.ok) throw new Error(`${route}: ${reply.code}`)
  return reply.data as any
}

test('an upheld party objection corrects only to points the rule allows, and never to the same points', async () => {
  const act = await ok('demo-secretary', 'partyScore.award', {
    memberId: 'pm-xf-01',
    ruleId: 'pb-xf-1-volunteer', // 2 to 5 points
    points: 2
  })
  const entryId = (await env.db.collection('partyActs').doc(act.id).get()).data.lines[0].entryId
  await ok('demo-secretary', 'partyPosting.publish', { quarter: '2026-Q4' })
  const objection = await ok('demo-villager-2', 'partyObjection.create', { entryId, reason: '那天去了两次' })
  const before = await partySnapshot()
  for (const [points, code] of [
    [100, 'POINTS_OUT_OF_RANGE'],
    [1, 'POINTS_OUT_OF_RANGE'],
    [-3, 'POINTS_OUT_OF_RANGE'],
    [2, 'NOT_CORRECTABLE']
  ] as const) {
    const resolve = { requestId: rid(), objectionId: objection.id, upheld: true, reply: '核实', points }
    const reply = await env.call('demo-secretary', 'partyObjection.resolve', resolve)
    expect(reply).toMatchObject({ ok: false, code })
    expect(await partySnapshot()).toEqual(before)
  }
  const balance = before.members.find((m: any) => m._id === 'pm-xf-01').balance
  await ok('demo-secretary', 'partyObjection.resolve', {
    objectionId: objection.id,
    upheld: true,
    reply: '核实',
    points: 4
  })
  expect((await env.db.collection('partyMembers').doc('pm-xf-01').get()).data.balance).toBe(balance + 2)
})

test('a correction does not lift a household past its rule’s cap', async () => {
  // 参加巡逻: 5 to 15 points, at most 15 a month
  const award = (points: number) =>
    ok('demo-cadre', 'score.award', { householdId: 'h-xf-019', ruleId: 'r-xf-safety', points })
  const first = await award(5)
  await award(10)
  const before = await snapshot()
  const reply = await env.call('demo-cadre', 'score.correct', {
    requestId: rid(),
    entryId: first.entry.id,
    points: 15,
    reason: '核实后应为15分'
  })
  expect(reply).toMatchObject({ ok: false, code: 'CAP_REACHED' })
  expect(await snapshot()).toEqual(before)
  // down is always possible
  await ok('demo-cadre', 'score.correct', { entryId: first.entry.id, points: 0, reason: '核实后作废' })
})

test('a party rule naming a category twice keeps it once', async () => {
  const saved = await ok('demo-secretary', 'partyBranch.saveRule', partyRule({ categories: ['employed', 'employed'] }))
  expect(saved.categories).toEqual(['employed'])
  expect((await env.db.collection('partyRules').doc(saved.id).get()).data.categories).toEqual(['employed'])
})

test('a register’s names lose the marks that turn text around, as typed text does', async () => {
  const row = { 村民小组: '1组', 门牌号: '1组901号', 网格: '第1网格', 与户主关系: '户主', 性别: '男', 出生年份: '1968' }
  const file = await registerFile([{ ...row, 姓名: '\u202e王\u2066大\ufeff山', 身份证号: validIdNumber(901, 1968) }])
  const fileId = (await env.cloud.uploadFile({ cloudPath: 'imports/marks.xlsx', fileContent: file })).fileID
  await ok('demo-cadre', 'register.apply', { fileId })
  const [household] = (await env.db.collection('households').where({ doorPlate: '1组901号' }).get()).data
  expect([household.head, household.members[0].name]).toEqual(['王大山', '王大山'])
})

test('a name or title pasted across lines is kept on one line; a note keeps its lines', async () => {
  const saved = await ok('demo-cadre', 'household.save', {
    doorPlate: '3组\n98号',
    head: '赵\r\n大山',
    groupId: 'grp-xf-3',
    gridId: 'g-xf-2',
    members: [{ name: '赵\n大山', relation: '户主', partyMember: false }]
  })
  const household = (await env.db.collection('households').doc(saved.householdId).get()).data
  expect([household.doorPlate, household.head, household.members[0].name]).toEqual(['3组 98号', '赵 大山', '赵 大山'])
  const notice = await ok('demo-cadre', 'notice.publish', {
    kind: 'notice',
    title: '停水\n通知',
    body: '第一行\n第二行'
  })
  expect([notice.title, notice.body]).toEqual(['停水 通知', '第一行\n第二行'])
})

test('a meeting records as absent only members of the branch', async () => {
  for (const [absentIds, code] of [
    [['pm-xf-13'], 'OTHER_BRANCH'],
    [['pm-none'], 'NOT_FOUND'],
    [['h-xf-012'], 'NOT_FOUND']
  ] as const) {
    const before = await partySnapshot()
    const reply = await env.call('demo-secretary', 'partyScore.meeting', {
      requestId: rid(),
      ruleId: 'pb-xf-1-partyday',
      presentIds: ['pm-xf-05'],
      absentIds
    })
    expect(reply).toMatchObject({ ok: false, code })
    expect(await partySnapshot()).toEqual(before)
  }
})

/**
 * The writes that keep no stored reply (their own documents are keyed by the request): a request id
 * sent again with other content is another request wrongly named, refused as the router refuses it
 * for the others (REQUEST_REUSED), and nothing changes; the request itself, sent again, still answers.
 */
async function reuseSnapshot() {
  const all = async (collection: string) =>
    (await env.db.collection(collection).orderBy('_id', 'asc').limit(1000).get()).data
  return {
    entries: (await env.db.collection('entries').count()).total,
    households: await all('households'),
    members: await all('partyMembers'),
    acts: await all('partyActs'),
    claims: await all('partyClaims'),
    pending: await all('pending'),
    votes: await all('votes'),
    ballots: await all('ballots')
  }
}

const REUSES: [string, string, () => Promise<Record<string, unknown>>, Record<string, unknown>[]][] = [
  [
    'partyScore.award',
    'demo-secretary',
    async () => ({ memberId: 'pm-xf-02', ruleId: 'pb-xf-1-volunteer', points: 2 }),
    [{ points: 3 }, { memberId: 'pm-xf-03' }, { note: '另一次' }, { ruleId: 'pb-xf-1-promise' }]
  ],
  [
    'partyScore.meeting',
    'demo-secretary',
    async () => ({ ruleId: 'pb-xf-1-partyday', presentIds: ['pm-xf-04'] }),
    [{ presentIds: ['pm-xf-04', 'pm-xf-05'] }, { absentIds: ['pm-xf-05'] }, { ruleId: 'pb-xf-1-meeting' }]
  ],
  [
    'partyClaim.approve',
    'demo-secretary',
    async () => {
      const claim = await ok('demo-villager-2', 'partyClaim.create', {
        ruleId: 'pb-xf-1-volunteer',
        points: 2,
        description: '扫雪'
      })
      return { claimId: claim.id, points: 2 }
    },
    [{ points: 3 }]
  ],
  [
    'review.approve',
    'demo-cadre',
    async () => {
      const claim = await ok('demo-villager', 'claim.create', {
        ruleId: 'r-xf-volunteer',
        points: 5,
        description: '出工'
      })
      return { pendingId: claim.id, points: 5 }
    },
    [{ points: 6 }]
  ],
  [
    'score.correct',
    'demo-cadre',
    async () => {
      const scored = await ok('demo-cadre', 'score.award', {
        householdId: 'h-xf-021',
        ruleId: 'r-xf-volunteer',
        points: 5
      })
      return { entryId: scored.entry.id, points: 0, reason: '核实后作废' }
    },
    [{ points: 6 }, { reason: '别的理由' }]
  ],
  [
    'vote.cast',
    'demo-villager-2',
    async () => {
      const opened = await ok('demo-cadre', 'vote.open', vote({ requestId: rid(), options: ['东', '西', '南'] }))
      return { voteId: opened.id, choices: [0] }
    },
    [{ choices: [1] }]
  ]
]

test.each(REUSES)(
  '%s under a request id already used, with other content, is refused',
  async (route, as, prepare, others) => {
    const input = { requestId: rid(), ...(await prepare()) }
    const first = await env.call(as, route, input)
    expect(first.ok).toBe(true)
    const before = await reuseSnapshot()
    for (const other of others) {
      const reply = await env.call(as, route, { ...input, ...other })
      expect([other, reply]).toEqual([other, expect.objectContaining({ ok: false, code: 'REQUEST_REUSED' })])
      expect(await reuseSnapshot()).toEqual(before)
    }
    expect(await env.call(as, route, input)).toEqual(first)
  }
)

test('a meeting under the request id of an award is refused', async () => {
  const requestId = rid()
  await ok('demo-secretary', 'partyScore.award', { requestId, memberId: 'pm-xf-08', ruleId: 'pb-xf-1-dues', points: 2 })
  const before = await reuseSnapshot()
  const reply = await env.call('demo-secretary', 'partyScore.meeting', {
    requestId,
    ruleId: 'pb-xf-1-partyday',
    presentIds: ['pm-xf-08']
  })
  expect(reply).toMatchObject({ ok: false, code: 'REQUEST_REUSED' })
  expect(await reuseSnapshot()).toEqual(before)
})

test('the ledger is still consistent', async () => {
  await expectLedgerConsistent(env.db)
})
