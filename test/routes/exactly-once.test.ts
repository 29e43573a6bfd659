import collections from '../../core/collections.json'
import { routes, RouteName } from '../../core/contract/routes'
import { SCHEMA_VERSION } from '../../cloudfunctions/shared/data/schema-version'
import { productCloud } from '../helpers/product-cloud'
import { registerFile, registerRows } from '../helpers/register'

/**
 * Issue 12, item 2: every route whose contract says it writes has exactly one effect for two identical
 * calls in flight at the same time plus a retry after them, and every reply describes what was stored.
 *
 * Two local clouds seeded alike, on one fixed clock, are kept in step: in `once` each case is called
 * once; in `thrice` the same call (same caller, same request id) is sent twice at once and once more
 * afterwards. The documents each case wrote (the local cloud's write sequence tells which) must be the
 * same in both, and the three replies must all be the one reply of `once`.
 */
jest.setTimeout(300_000)
type Env = Awaited<ReturnType<typeof productCloud>>
type Reply = { ok: boolean; code?: string; data?: any }
let once: Env
let thrice: Env

/** Fixture ids, made alike in both clouds (the same calls with the same request ids). */
type Fixture = Record<string, string>
let fixtureOnce: Fixture
let fixtureThrice: Fixture

interface Case {
  as: string
  input: (fx: Fixture) => Record<string, unknown>
}

const YEAR = '2026'
/** the clock of both clouds (productCloud's default) */
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const HOUR = 3600_000
const DAY = 24 * HOUR

/** Every write route, in the order they run (later ones may use what earlier ones left). */
const CASES: Partial<Record<RouteName, Case>> = {
  'me.setPreferences': { as: 'demo-villager', input: () => ({ largeFont: true }) },
  'join.bind': { as: 'eo-joiner', input: fx => ({ code: fx.joinCode, name: '新来的' }) },
  'household.save': {
    as: 'demo-cadre',
    input: () => ({
      doorPlate: '3组99号',
      head: '新户主',
      groupId: 'grp-xf-3',
      gridId: 'g-xf-2',
      members: [{ name: '新户主', relation: '户主', partyMember: false }]
    })
  },
  'score.award': {
    as: 'demo-cadre',
    input: () => ({ householdId: 'h-xf-014', ruleId: 'r-xf-volunteer', points: 5, note: '义务劳动' })
  },
  'score.batch': {
    as: 'demo-cadre',
    input: () => ({ householdIds: ['h-xf-015', 'h-xf-016'], ruleId: 'r-xf-volunteer', points: 5 })
  },
  'score.correct': { as: 'demo-cadre', input: fx => ({ entryId: fx.entryToCorrect, points: 0, reason: '核实后作废' }) },
  'joinCode.issue': { as: 'demo-cadre', input: () => ({ householdId: 'h-xf-013', days: 7 }) },
  'joinCode.revoke': { as: 'demo-cadre', input: fx => ({ code: fx.codeToRevoke }) },
  // the one who joined above
  'binding.remove': { as: 'demo-cadre', input: () => ({ householdId: 'h-xf-020', openid: 'eo-joiner' }) },
  'binding.setHead': { as: 'demo-cadre', input: () => ({ householdId: 'h-xf-022', openid: 'eo-head' }) },
  'rules.save': {
    as: 'demo-cadre',
    input: () => ({
      terms: {
        category: '平安建设',
        title: '一次测试',
        points: { min: 1, max: 2 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    })
  },
  'rules.retire': { as: 'demo-cadre', input: () => ({ ruleId: 'r-xf-law' }) },
  'rules.adoptTemplate': { as: 'demo-cadre-jq', input: () => ({ templateId: 't-county-default' }) },
  'village.setStars': { as: 'demo-cadre', input: () => ({ thresholds: [60, 80, 100, 120, 150] }) },
  'templates.save': {
    as: 'demo-town',
    input: () => ({
      name: '一次模板',
      items: [
        {
          key: 'a',
          category: '平安建设',
          title: '一次',
          points: { min: 1, max: 1 },
          cap: null,
          evidenceRequired: false,
          proposers: ['cadre']
        }
      ]
    })
  },
  'roles.grant': {
    as: 'demo-cadre',
    input: () => ({ openid: 'eo-new-worker', name: '新网格员', role: 'gridWorker', placeIds: ['g-xf-1'] })
  },
  'roles.revoke': { as: 'demo-cadre', input: () => ({ openid: 'eo-held', role: 'gridWorker' }) },
  'grid.createLog': {
    as: 'demo-grid',
    input: () => ({ type: 'patrol', at: Date.UTC(2026, 10, 27), householdIds: ['h-xf-002'], place: '村口' })
  },
  'grid.propose': {
    as: 'demo-grid',
    input: () => ({ householdIds: ['h-xf-002', 'h-xf-003'], ruleId: 'r-xf-safety', points: 5, description: '巡逻' })
  },
  'claim.create': {
    as: 'demo-villager',
    input: () => ({ ruleId: 'r-xf-volunteer', points: 5, description: '出工' })
  },
  'pending.withdraw': { as: 'demo-villager', input: fx => ({ pendingId: fx.claimToWithdraw }) },
  'review.approve': { as: 'demo-cadre', input: fx => ({ pendingId: fx.claimToApprove, points: 5 }) },
  'review.reject': { as: 'demo-cadre', input: fx => ({ pendingId: fx.claimToReject, reason: '不符合' }) },
  'objection.create': { as: 'demo-villager', input: fx => ({ entryId: fx.postedEntry, reason: '有疑问' }) },
  'objection.resolve': {
    as: 'demo-cadre',
    input: fx => ({ objectionId: fx.objection, upheld: true, points: 0, reply: '核实后作废' })
  },
  'shop.saveGoods': {
    as: 'demo-cadre',
    input: () => ({ name: '草帽', picture: '', price: 6, stock: 5, limit: null, onShelf: true })
  },
  'shop.order': { as: 'demo-villager', input: () => ({ goodsId: 'g-xf-towel', quantity: 1 }) },
  'shop.redeemAtDesk': { as: 'demo-cadre', input: () => ({ householdId: 'h-xf-012', goodsId: 'g-xf-soap' }) },
  'shop.collect': { as: 'demo-cadre', input: fx => ({ orderId: fx.orderToCollect }) },
  'shop.cancel': { as: 'demo-villager', input: fx => ({ orderId: fx.orderToCancel }) },
  'notice.publish': { as: 'demo-cadre', input: () => ({ kind: 'notice', title: '一次通知', body: '正文' }) },
  'notice.withdraw': { as: 'demo-cadre', input: fx => ({ noticeId: fx.noticeToWithdraw }) },
  'notice.pin': { as: 'demo-cadre', input: fx => ({ noticeId: fx.noticeToPin, pinned: true }) },
  'issue.raise': { as: 'demo-villager', input: () => ({ category: '其他', text: '路灯坏了' }) },
  'issue.take': { as: 'demo-cadre', input: fx => ({ issueId: fx.issueNew }) },
  'issue.reply': { as: 'demo-cadre', input: fx => ({ issueId: fx.issueHandling, text: '明天修' }) },
  'issue.handOver': { as: 'demo-cadre', input: fx => ({ issueId: fx.issueHandling, toOpenid: 'demo-grid' }) },
  'issue.close': { as: 'demo-villager', input: fx => ({ issueId: fx.issueAnswered }) },
  'issue.rate': { as: 'demo-villager', input: fx => ({ issueId: fx.issueToRate, stars: 4 }) },
  'service.save': { as: 'demo-cadre', input: () => ({ category: '其他', name: '一次服务', purpose: '测试' }) },
  'partyMember.bind': { as: 'eo-party-joiner', input: fx => ({ code: fx.partyCode }) },
  'partyBranch.saveMember': {
    as: 'demo-secretary',
    input: () => ({ memberId: 'pm-xf-02', name: '何建华', category: 'employed' })
  },
  'partyBranch.fromHouseholds': { as: 'demo-secretary', input: () => ({}) },
  'partyBranch.bindCode': { as: 'demo-secretary', input: () => ({ memberId: 'pm-xf-03' }) },
  'partyBranch.adoptTemplate': { as: 'demo-secretary', input: () => ({}) },
  'partyBranch.saveRule': {
    as: 'demo-secretary',
    input: () => ({
      terms: {
        group: '服务群众',
        title: '一次细则',
        points: { min: 1, max: 2 },
        cap: null,
        evidenceRequired: false,
        categories: ['employed'],
        claimable: false,
        meeting: null
      }
    })
  },
  'partyScore.award': {
    as: 'demo-secretary',
    input: () => ({ memberId: 'pm-xf-04', ruleId: 'pb-xf-1-volunteer', points: 2 })
  },
  'partyScore.meeting': {
    as: 'demo-secretary',
    input: () => ({ ruleId: 'pb-xf-1-meeting', presentIds: ['pm-xf-02', 'pm-xf-03'] })
  },
  'partyClaim.create': {
    as: 'demo-villager-2',
    input: () => ({ ruleId: 'pb-xf-1-volunteer', points: 2, description: '清扫村道' })
  },
  'partyClaim.approve': { as: 'demo-secretary', input: fx => ({ claimId: fx.partyClaimToApprove }) },
  'partyClaim.reject': { as: 'demo-secretary', input: fx => ({ claimId: fx.partyClaimToReject, reason: '没有记录' }) },
  'partyPosting.publish': { as: 'demo-secretary', input: () => ({ quarter: `${YEAR}-Q3` }) },
  'partyObjection.create': {
    as: 'demo-villager-2',
    input: fx => ({ entryId: fx.partyEntry2, reason: '那天请了假' })
  },
  'partyObjection.resolve': {
    as: 'demo-secretary',
    input: fx => ({ objectionId: fx.partyObjection, upheld: false, reply: '有签到记录' })
  },
  'partyRating.enter': {
    as: 'demo-secretary',
    input: () => ({ year: YEAR, reviews: [{ memberId: 'pm-xf-02', review: 15 }] })
  },
  'partyRating.confirm': { as: 'demo-secretary', input: () => ({ year: YEAR }) },
  'partyRating.post': { as: 'demo-town-party', input: () => ({ year: YEAR, branchId: 'pb-xf-1' }) },
  'partyTown.rateOrg': {
    as: 'demo-town-party',
    input: () => ({ orgId: 'po-xf', year: YEAR, stars: 4, reason: '组织生活规范' })
  },
  'partyTown.setSettings': {
    as: 'demo-town-party',
    input: () => ({
      settings: {
        baseScore: 60,
        reviewMax: 20,
        scaleMax: 100,
        starThresholds: [60, 70, 80, 90, 96],
        quarterPostingDays: 7,
        ratingPostingDays: 5
      }
    })
  },
  'partyRole.grant': {
    as: 'demo-cadre',
    input: () => ({ openid: 'eo-party', name: '测试', role: 'partyClerk', placeId: 'pb-xf-1' })
  },
  'partyRole.revoke': { as: 'demo-cadre', input: () => ({ openid: 'eo-party-held', role: 'partyClerk' }) },
  'register.apply': { as: 'demo-cadre', input: fx => ({ villageId: 'v-xinfeng', fileId: fx.registerFile }) },
  'village.setRegistered': { as: 'demo-town', input: () => ({ villageId: 'v-xinfeng', registeredHouseholds: 30 }) },
  // village participation (issue 17)
  'vote.open': {
    as: 'demo-cadre',
    input: () => ({ question: '一次投票', options: ['修', '不修'], deadlineAt: NOW + 2 * DAY })
  },
  'vote.cast': { as: 'demo-villager', input: () => ({ voteId: 'vt-demo-square', choices: [0] }) },
  'vote.close': { as: 'demo-cadre', input: fx => ({ voteId: fx.voteToClose }) },
  'vote.post': { as: 'demo-cadre', input: fx => ({ voteId: fx.voteToPost }) },
  'activity.post': {
    as: 'demo-cadre',
    input: () => ({
      kind: 'labour',
      title: '一次活动',
      place: '村口',
      startAt: NOW + DAY,
      endAt: NOW + DAY + 2 * HOUR,
      capacity: 10,
      credit: { ruleId: 'r-xf-activity', points: 5 }
    })
  },
  'activity.signUp': { as: 'demo-villager', input: () => ({ activityId: 'ac-demo-river' }) },
  'activity.cancel': { as: 'demo-villager-2', input: () => ({ activityId: 'ac-demo-river' }) },
  'activity.checkIn': { as: 'demo-villager', input: fx => ({ activityId: fx.activitySoon, key: fx.activitySoonKey }) },
  'activity.tick': {
    as: 'demo-cadre',
    input: fx => ({ activityId: fx.activitySoon, signupId: fx.signupToTick, present: true })
  },
  'activity.confirm': { as: 'demo-cadre', input: fx => ({ activityId: fx.activityStarted }) },
  'org.save': {
    as: 'demo-county',
    input: () => ({ name: '一次单位', kind: 'power', townIds: ['t-xiangyang'], phone: '0838-5550000' })
  },
  'org.grantStaff': {
    as: 'demo-county',
    input: () => ({ organisationId: 'org-police', openid: 'eo-org-staff', name: '新民警' })
  },
  'org.publishService': {
    as: 'demo-org',
    input: () => ({ category: '户籍', name: '一次服务', purpose: '办身份证' })
  },
  'org.publishNotice': { as: 'demo-org', input: () => ({ title: '一次单位通知', body: '正文' }) },
  'issue.toOrganisation': {
    as: 'demo-cadre',
    input: fx => ({ issueId: fx.issueForOrganisation, organisationId: 'org-police' })
  },
  'org.replyIssue': {
    as: 'demo-org',
    input: fx => ({ issueId: fx.issueAtOrganisation, text: '已调解', answer: true })
  },
  'credit.consent': {
    as: 'demo-villager',
    input: () => ({ bankId: 'org-bank', purpose: '申请积分贷', days: 90, agreed: true })
  },
  'credit.revoke': { as: 'demo-villager-2', input: () => ({ bankId: 'org-bank' }) },
  'credit.setPolicy': { as: 'demo-bank', input: () => ({ baseRatePct: 5, cutPer100Pct: 0.1, maxCutPct: 0.8 }) },
  'dataExport.run': { as: 'demo-town', input: () => ({}) }
}

const WRITE_ROUTES = (Object.keys(routes) as RouteName[]).filter(r => routes[r].write)

/**
 * What the cases need, made by the same calls with the same request ids in both clouds. The ids that
 * come back are used as they come: a route that made them at random would show in the comparison.
 */
async function prepare(env: Env): Promise<Fixture> {
  let n = 0
  const call = async (as: string, route: string, input: Record<string, unknown> = {}) => {
    const reply = (await env.call(as, route, { requestId: `fixture-${++n}`, ...input })) as Reply
    if (!reply.ok) throw new Error(`fixture ${route}: ${reply.code}`)
    return reply.data
  }
  const fx: Fixture = {}
  const file = await registerFile(registerRows(2, ['1组'], ['第1网格']))
  fx.registerFile = (await env.cloud.uploadFile({ cloudPath: 'imports/once.xlsx', fileContent: file })).fileID
  fx.joinCode = (await call('demo-cadre', 'joinCode.issue', { householdId: 'h-xf-020', days: 7 })).code
  fx.codeToRevoke = (await call('demo-cadre', 'joinCode.issue', { householdId: 'h-xf-021', days: 7 })).code
  // a member bound under their own name: the cadre marks them as the head (binding.setHead)
  const headCode = (await call('demo-cadre', 'joinCode.issue', { householdId: 'h-xf-022', days: 7 })).code
  await call('eo-head', 'join.bind', { code: headCode, name: '孙某' })
  // roles go only to people who have opened the app
  for (const openid of ['eo-held', 'eo-new-worker', 'eo-party', 'eo-party-held', 'eo-org-staff'])
    await env.call(openid, 'me.session', {})
  await call('demo-cadre', 'roles.grant', {
    openid: 'eo-held',
    name: '待收回',
    role: 'gridWorker',
    placeIds: ['g-xf-2']
  })
  const claim = (as: string) =>
    call(as, 'claim.create', { ruleId: 'r-xf-volunteer', points: 5, description: '出工' }).then(c => c.id)
  fx.claimToWithdraw = await claim('demo-villager')
  fx.claimToApprove = await claim('demo-villager-2')
  fx.claimToReject = await claim('demo-villager-2')
  const score = (householdId: string) =>
    call('demo-cadre', 'score.award', { householdId, ruleId: 'r-xf-garbage', points: 5 }).then(s => s.entry.id)
  fx.entryToCorrect = await score('h-xf-004')
  fx.postedEntry = await score('h-xf-005')
  const disputed = await score('h-xf-006')
  fx.objection = (await call('demo-villager', 'objection.create', { entryId: disputed, reason: '有疑问' })).id
  const order = () => call('demo-villager', 'shop.order', { goodsId: 'g-xf-soap' }).then(o => o.id)
  fx.orderToCollect = await order()
  fx.orderToCancel = await order()
  const notice = () => call('demo-cadre', 'notice.publish', { kind: 'notice', title: '通知' }).then(x => x.id)
  fx.noticeToWithdraw = await notice()
  fx.noticeToPin = await notice()
  const issue = () => call('demo-villager', 'issue.raise', { category: '其他', text: '问题' }).then(i => i.id)
  fx.issueNew = await issue()
  fx.issueHandling = await issue()
  await call('demo-cadre', 'issue.take', { issueId: fx.issueHandling })
  for (const key of ['issueAnswered', 'issueToRate']) {
    fx[key] = await issue()
    await call('demo-cadre', 'issue.take', { issueId: fx[key] })
    await call('demo-cadre', 'issue.reply', { issueId: fx[key], text: '办好了', answer: true })
  }
  await prepareParty(call, fx)
  await prepareParticipation(env, call, fx)
  return fx
}

async function prepareParticipation(
  env: Env,
  call: (as: string, route: string, input?: any) => Promise<any>,
  fx: Fixture
) {
  const vote = () =>
    call('demo-cadre', 'vote.open', { question: '投票', options: ['是', '否'], deadlineAt: NOW + DAY }).then(v => v.id)
  fx.voteToClose = await vote()
  fx.voteToPost = await vote()
  await call('demo-cadre', 'vote.close', { voteId: fx.voteToPost })

  await call('demo-villager-2', 'activity.signUp', { activityId: 'ac-demo-river' })
  const activity = (startAt: number) => ({
    kind: 'volunteer',
    title: '活动',
    place: '村委会',
    startAt,
    endAt: startAt + 2 * HOUR,
    capacity: 5,
    credit: { ruleId: 'r-xf-activity', points: 5 }
  })
  // check-in opens half an hour before the start
  fx.activitySoon = (await call('demo-cadre', 'activity.post', activity(NOW + 20 * 60_000))).id
  fx.activitySoonKey = (await env.db.collection('activities').doc(fx.activitySoon).get()).data.key
  await call('demo-villager', 'activity.signUp', { activityId: fx.activitySoon })
  await call('demo-villager-2', 'activity.signUp', { activityId: fx.activitySoon })
  fx.signupToTick = (await signupOf(env, fx.activitySoon, 'h-xf-001'))._id
  // an activity that has started: posted three hours ago (an activity is posted before its start)
  const earlier = (await env.router()(
    { route: 'activity.post', input: { requestId: 'fixture-started', ...activity(NOW - HOUR) } },
    { ...env.ctxFor('demo-cadre'), now: () => NOW - 3 * HOUR }
  )) as Reply
  fx.activityStarted = earlier.data.id
  await call('demo-cadre', 'activity.tick', { activityId: fx.activityStarted, householdId: 'h-xf-007', present: true })

  await call('demo-villager-2', 'credit.consent', { bankId: 'org-bank', purpose: '申请积分贷', days: 30, agreed: true })
  const issue = () => call('demo-villager', 'issue.raise', { category: '其他', text: '邻居吵架' }).then(i => i.id)
  fx.issueForOrganisation = await issue()
  fx.issueAtOrganisation = await issue()
  await call('demo-cadre', 'issue.toOrganisation', { issueId: fx.issueAtOrganisation, organisationId: 'org-police' })
}

async function signupOf(env: Env, activityId: string, householdId: string) {
  return (await env.db.collection('signups').where({ activityId, householdId }).get()).data[0]
}

async function prepareParty(call: (as: string, route: string, input?: any) => Promise<any>, fx: Fixture) {
  const claim = () =>
    call('demo-villager-2', 'partyClaim.create', { ruleId: 'pb-xf-1-volunteer', points: 2, description: '清扫' })
  fx.partyClaimToApprove = (await claim()).id
  fx.partyClaimToReject = (await claim()).id
  const act = await call('demo-secretary', 'partyScore.award', {
    memberId: 'pm-xf-01',
    ruleId: 'pb-xf-1-pioneer',
    points: 5
  })
  fx.partyAct = act.id
  // a second entry of the same member (a member objects only to their own entries)
  const another = await call('demo-secretary', 'partyScore.award', {
    memberId: 'pm-xf-01',
    ruleId: 'pb-xf-1-volunteer',
    points: 2
  })
  fx.partyAct2 = another.id
  await call('demo-secretary', 'partyPosting.publish', { quarter: `${YEAR}-Q4` })
  await call('demo-cadre', 'partyRole.grant', {
    openid: 'eo-party-held',
    name: '待收回',
    role: 'partyClerk',
    placeId: 'pb-xf-1'
  })
}

/** The write sequence of `once` after the demo was seeded: what the routes wrote comes after it. */
let seededSeq: number

beforeAll(async () => {
  ;[once, thrice] = await Promise.all([productCloud(), productCloud()])
  seededSeq = once.lc.store.currentSeq
  ;[fixtureOnce, fixtureThrice] = await Promise.all([prepare(once), prepare(thrice)])
  for (const [env, fx] of [
    [once, fixtureOnce],
    [thrice, fixtureThrice]
  ] as const) {
    const act = (await env.db.collection('partyActs').doc(fx.partyAct).get()).data
    fx.partyEntry = act.lines[0].entryId
    const act2 = (await env.db.collection('partyActs').doc(fx.partyAct2).get()).data
    fx.partyEntry2 = act2.lines[0].entryId
    const objection = (await env.call('demo-villager-2', 'partyObjection.create', {
      requestId: 'fx-party-objection',
      entryId: fx.partyEntry,
      reason: '有疑问'
    })) as Reply
    fx.partyObjection = objection.data.id
    const code = (await env.call('demo-secretary', 'partyBranch.bindCode', {
      requestId: 'fx-party-code',
      memberId: 'pm-xf-05'
    })) as Reply
    fx.partyCode = code.data.code
  }
})
afterAll(() => Promise.all([once?.close(), thrice?.close()]))

/** The documents written since `seq`, by collection (with each collection's size, for removals). */
function writtenSince(env: Env, seq: number) {
  const out: Record<string, { count: number; docs: Record<string, unknown> }> = {}
  for (const name of Object.keys(collections.collections)) {
    if (!env.lc.store.hasCollection(name)) continue
    const docs: Record<string, unknown> = {}
    for (const row of env.lc.store.scan(name, { where: 'seq > ?', params: [seq], orderBy: '' }))
      docs[String((row.doc as any)._id)] = row.doc
    const count = env.lc.store.count(name, '1 = 1', [])
    out[name] = { count, docs }
  }
  return out
}

test('every write route has a case', () => {
  expect(WRITE_ROUTES.filter(r => !CASES[r])).toEqual([])
  expect(Object.keys(CASES).filter(r => !WRITE_ROUTES.includes(r as RouteName))).toEqual([])
})

test.each(Object.keys(CASES) as RouteName[])('%s: two at once and a retry have one effect', async route => {
  const c = CASES[route]!
  const requestId = `once-${route.replace(/\./g, '-')}`
  const seqOnce = once.lc.store.currentSeq
  const seqThrice = thrice.lc.store.currentSeq

  // a reply (and the stored reply) may carry a download address of its cloud's storage: the two clouds
  // differ only in their port
  const local = (env: Env, reply: unknown) => JSON.parse(JSON.stringify(reply).split(env.lc.url).join('<cloud>'))
  const single = local(once, await once.call(c.as, route, { requestId, ...c.input(fixtureOnce) })) as Reply
  const send = async () => local(thrice, await thrice.call(c.as, route, { requestId, ...c.input(fixtureThrice) }))
  const [first, second] = await Promise.all([send(), send()])
  const retry = await send()

  expect(single.ok || single.code).toBe(true) // the case does the route's work
  expect(first).toEqual(single)
  expect(second).toEqual(single)
  expect(retry).toEqual(single)
  expect(local(thrice, writtenSince(thrice, seqThrice))).toEqual(local(once, writtenSince(once, seqOnce)))
})

test('every document the routes wrote carries the schema version (the store stamps it, no route does)', () => {
  const written = Object.entries(writtenSince(once, seededSeq)).flatMap(([collection, { docs }]) =>
    Object.values(docs).map(doc => ({ collection, doc: doc as { _id: string; schemaVersion?: number } }))
  )
  const collectionsWritten = new Set(written.map(w => w.collection))
  expect(collectionsWritten.size).toBeGreaterThan(30) // the cases reach most collections
  const unversioned = written.filter(w => w.doc.schemaVersion !== SCHEMA_VERSION)
  expect(unversioned.map(w => `${w.collection}/${w.doc._id}: ${w.doc.schemaVersion}`)).toEqual([])
})
