import { routes, RouteName } from '../../core/contract/routes'
import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { registerFile, registerRows } from '../helpers/register'

/**
 * Every route × every demo persona: exactly who may do what. "ok" means the route did its work for
 * that persona (a domain answer such as CAP_REACHED also counts: the caller was let in); anything else
 * is the stable code of the refusal.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
let joinCode = ''
/** claims, a posted entry and an objection for the review and objection rows */
const fixture = {
  ownClaim: '',
  claimToApprove: '',
  claimToReject: '',
  postedEntry: '',
  objection: '',
  orderToCollect: '',
  orderToCancel: '',
  notice: '',
  noticeToChange: '',
  issueNew: '',
  issueHandling: '',
  issueAnswered: '',
  issueToRate: '',
  vote: '',
  voteClosed: '',
  activity: '',
  activityUnderWay: '',
  activityKey: '',
  issueForOrganisation: '',
  issueAtOrganisation: '',
  partyClaimToApprove: '',
  partyClaimToReject: '',
  partyEntry: '',
  partyObjection: '',
  registerFile: ''
}

const PERSONAS = [
  'demo-villager',
  'demo-villager-2',
  'demo-cadre',
  'demo-grid',
  'demo-cadre-jq',
  'demo-town',
  'demo-county',
  'demo-org',
  'demo-bank',
  'demo-stranger',
  'demo-secretary',
  'demo-clerk',
  'demo-town-party'
] as const
type Persona = (typeof PERSONAS)[number]
type Outcome = 'ok' | string

const LET_IN_ANSWERS = ['CAP_REACHED', 'ALREADY_CORRECTED', 'STATE_CHANGED']

/** The default: only the listed personas; a stranger is told to register, the rest are forbidden. */
function only(allowed: Partial<Record<Persona, Outcome>>): Record<Persona, Outcome> {
  return Object.fromEntries(
    PERSONAS.map(p => [p, allowed[p] ?? (p === 'demo-stranger' ? 'NOT_REGISTERED' : 'FORBIDDEN')])
  ) as Record<Persona, Outcome>
}
const villagers = { 'demo-villager': 'ok', 'demo-villager-2': 'ok' } as const
const inVillage = { ...villagers, 'demo-cadre': 'ok', 'demo-grid': 'ok', 'demo-cadre-jq': 'ok' } as const
const cadreOnly = { 'demo-cadre': 'ok', 'demo-cadre-jq': 'OTHER_VILLAGE' } as const
const bothCadres = { 'demo-cadre': 'ok', 'demo-cadre-jq': 'ok' } as const
const grid = { 'demo-grid': 'ok' } as const
const partyStaff = { 'demo-secretary': 'ok', 'demo-clerk': 'ok', 'demo-town-party': 'ok' } as const
/** officers of 新丰村's two branches; a member or rule of the first branch is another branch's for the clerk */
const officers = { 'demo-secretary': 'ok', 'demo-clerk': 'ok' } as const
const secretaryOnly = { 'demo-secretary': 'ok', 'demo-clerk': 'OTHER_BRANCH' } as const
const partyMember = { 'demo-villager-2': 'ok' } as const
const YEAR = '2026'
const admins = { 'demo-town': 'ok', 'demo-county': 'ok' } as const

const MATRIX: { [R in RouteName]: { input: () => unknown; expect: Record<Persona, Outcome> } } = {
  'me.session': {
    input: () => ({}),
    expect: Object.fromEntries(PERSONAS.map(p => [p, 'ok'])) as Record<Persona, Outcome>
  },
  'me.setPreferences': {
    input: () => ({ requestId: rid(), largeFont: false }),
    // the bootstrap county administrator has a role by configuration and no user document until this
    expect: only({
      ...inVillage,
      ...partyStaff,
      'demo-town': 'ok',
      'demo-county': 'ok',
      'demo-org': 'ok',
      'demo-bank': 'ok'
    })
  },
  'join.bind': {
    input: () => ({ requestId: rid(), code: 'ZZZZZZZZ', name: '测试' }),
    expect: Object.fromEntries(
      PERSONAS.map(p => [p, p.startsWith('demo-villager') ? 'ALREADY_BOUND' : 'CODE_INVALID'])
    ) as Record<Persona, Outcome>
  },
  'archive.home': { input: () => ({}), expect: only(villagers) },
  'archive.history': { input: () => ({ period: 'all', page: 1 }), expect: only(villagers) },
  'archive.rules': { input: () => ({}), expect: only(inVillage) },
  'archive.ranking': { input: () => ({ period: 'month' }), expect: only(inVillage) },
  'cadre.households': { input: () => ({ query: '' }), expect: only(bothCadres) },
  'cadre.household': { input: () => ({ householdId: 'h-xf-012' }), expect: only(cadreOnly) },
  'household.save': {
    input: () => ({
      requestId: rid(),
      householdId: 'h-xf-012',
      doorPlate: '2组12号',
      head: '王秀英',
      groupId: 'grp-xf-2',
      gridId: 'g-xf-1',
      members: [{ name: '王秀英', relation: '户主', partyMember: false }]
    }),
    expect: only(cadreOnly)
  },
  'score.award': {
    input: () => ({ requestId: rid(), householdId: 'h-xf-012', ruleId: 'r-xf-volunteer', points: 5 }),
    expect: only(cadreOnly)
  },
  'score.batch': {
    input: () => ({ requestId: rid(), householdIds: ['h-xf-012'], ruleId: 'r-xf-volunteer', points: 5 }),
    expect: only(cadreOnly)
  },
  'score.correct': {
    input: () => ({ requestId: rid(), entryId: 'seed-h-xf-012-3-0', points: 5, reason: '矩阵测试' }),
    expect: only(cadreOnly)
  },
  'joinCode.issue': { input: () => ({ requestId: rid(), householdId: 'h-xf-012', days: 7 }), expect: only(cadreOnly) },
  'joinCode.revoke': { input: () => ({ requestId: rid(), code: joinCode }), expect: only(cadreOnly) },
  'binding.remove': {
    input: () => ({ requestId: rid(), householdId: 'h-xf-012', openid: 'not-bound-user' }),
    expect: only(cadreOnly)
  },
  // 王秀英 is her household's head already: the cadre's mark changes nothing
  'binding.setHead': {
    input: () => ({ requestId: rid(), householdId: 'h-xf-012', openid: 'demo-villager' }),
    expect: only(cadreOnly)
  },
  'rules.list': { input: () => ({}), expect: only(bothCadres) },
  'rules.save': {
    input: () => ({
      requestId: rid(),
      terms: {
        category: '平安建设',
        title: '矩阵测试',
        points: { min: 1, max: 2 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    }),
    expect: only(bothCadres)
  },
  'rules.retire': { input: () => ({ requestId: rid(), ruleId: 'r-xf-law' }), expect: only(cadreOnly) },
  'rules.adoptTemplate': {
    input: () => ({ requestId: rid(), templateId: 't-county-default' }),
    expect: only(bothCadres)
  },
  'village.setStars': {
    input: () => ({ requestId: rid(), thresholds: [60, 80, 100, 120, 150] }),
    expect: only(bothCadres)
  },
  'templates.list': { input: () => ({}), expect: only({ ...bothCadres, 'demo-town': 'ok', 'demo-county': 'ok' }) },
  'templates.save': {
    input: () => ({
      requestId: rid(),
      name: '矩阵模板',
      items: [
        {
          key: 'a',
          category: '平安建设',
          title: '矩阵',
          points: { min: 1, max: 1 },
          cap: null,
          evidenceRequired: false,
          proposers: ['cadre']
        }
      ]
    }),
    expect: only({ 'demo-town': 'ok', 'demo-county': 'ok' })
  },
  'roles.list': { input: () => ({}), expect: only({ ...bothCadres, 'demo-town': 'ok', 'demo-county': 'ok' }) },
  'roles.grant': {
    // a grid worker for 新丰村's first grid: only 新丰村's cadre may
    input: () => ({
      requestId: rid(),
      openid: 'matrix-target',
      name: '测试',
      role: 'gridWorker',
      placeIds: ['g-xf-1']
    }),
    expect: only({
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'GRANT_NOT_ALLOWED',
      'demo-town': 'GRANT_NOT_ALLOWED',
      'demo-county': 'GRANT_NOT_ALLOWED'
    })
  },
  'roles.revoke': {
    input: () => ({ requestId: rid(), openid: 'matrix-held', role: 'gridWorker' }),
    expect: only({
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'GRANT_NOT_ALLOWED',
      'demo-town': 'GRANT_NOT_ALLOWED',
      'demo-county': 'GRANT_NOT_ALLOWED'
    })
  },
  'grid.households': { input: () => ({}), expect: only(grid) },
  'grid.logs': { input: () => ({}), expect: only(grid) },
  'grid.createLog': {
    input: () => ({ requestId: rid(), type: 'patrol', at: Date.UTC(2026, 10, 27), householdIds: ['h-xf-002'] }),
    expect: only(grid)
  },
  'grid.propose': {
    input: () => ({
      requestId: rid(),
      householdIds: ['h-xf-002'],
      ruleId: 'r-xf-safety',
      points: 5,
      description: '巡逻'
    }),
    expect: only(grid)
  },
  'claim.create': {
    input: () => ({ requestId: rid(), ruleId: 'r-xf-volunteer', points: 5, description: '出工' }),
    expect: only(villagers)
  },
  'pending.mine': { input: () => ({}), expect: only({ ...villagers, ...grid }) },
  // only the one who claimed may withdraw it
  'pending.withdraw': {
    input: () => ({ requestId: rid(), pendingId: fixture.ownClaim }),
    expect: only({ 'demo-villager': 'ok', 'demo-villager-2': 'FORBIDDEN', 'demo-grid': 'FORBIDDEN' })
  },
  'review.queue': { input: () => ({}), expect: only(bothCadres) },
  'review.approve': { input: () => ({ requestId: rid(), pendingId: fixture.claimToApprove }), expect: only(cadreOnly) },
  'review.reject': {
    input: () => ({ requestId: rid(), pendingId: fixture.claimToReject, reason: '不符合' }),
    expect: only(cadreOnly)
  },
  'posting.list': { input: () => ({}), expect: only(inVillage) },
  'objection.create': {
    input: () => ({ requestId: rid(), entryId: fixture.postedEntry, reason: '有疑问' }),
    expect: only(villagers)
  },
  'objection.mine': { input: () => ({}), expect: only(villagers) },
  'objection.queue': { input: () => ({}), expect: only(bothCadres) },
  'objection.resolve': {
    input: () => ({ requestId: rid(), objectionId: fixture.objection, upheld: false, reply: '有签到记录' }),
    expect: only(cadreOnly)
  },
  'audit.list': { input: () => ({}), expect: only({ ...bothCadres, 'demo-town': 'ok', 'demo-county': 'ok' }) },
  'shop.goods': { input: () => ({}), expect: only(inVillage) },
  'shop.saveGoods': {
    input: () => ({ requestId: rid(), name: '矩阵', price: 5, stock: 5, limit: null, onShelf: true }),
    expect: only(bothCadres)
  },
  'shop.order': { input: () => ({ requestId: rid(), goodsId: 'g-xf-soap' }), expect: only(villagers) },
  'shop.redeemAtDesk': {
    input: () => ({ requestId: rid(), householdId: 'h-xf-012', goodsId: 'g-xf-soap' }),
    expect: only(cadreOnly)
  },
  'shop.collect': { input: () => ({ requestId: rid(), orderId: fixture.orderToCollect }), expect: only(cadreOnly) },
  // the household that ordered, or the village's cadre (who meets it already cancelled: let in, refused by state)
  'shop.cancel': {
    input: () => ({ requestId: rid(), orderId: fixture.orderToCancel }),
    expect: only({ 'demo-villager': 'ok', 'demo-cadre': 'ok' })
  },
  'shop.myOrders': { input: () => ({}), expect: only(villagers) },
  'shop.orders': { input: () => ({}), expect: only(bothCadres) },
  'household.public': {
    input: () => ({ householdId: 'h-xf-012' }),
    expect: only({ ...villagers, 'demo-grid': 'ok', 'demo-cadre': 'ok', 'demo-cadre-jq': 'OTHER_VILLAGE' })
  },
  'household.codes': { input: () => ({ householdIds: ['h-xf-012'] }), expect: only(cadreOnly) },
  'notice.publish': {
    input: () => ({ requestId: rid(), kind: 'notice', title: '矩阵通知' }),
    expect: only({ ...bothCadres, 'demo-town': 'ok' })
  },
  // only the village (or town) that published it may change it
  'notice.withdraw': {
    input: () => ({ requestId: rid(), noticeId: fixture.noticeToChange }),
    expect: only({ 'demo-cadre': 'ok' })
  },
  'notice.pin': {
    input: () => ({ requestId: rid(), noticeId: fixture.noticeToChange, pinned: true }),
    expect: only({ 'demo-cadre': 'ok' })
  },
  'notice.list': { input: () => ({}), expect: only({ ...inVillage, 'demo-town': 'ok' }) },
  'notice.open': {
    input: () => ({ noticeId: fixture.notice }),
    expect: only({
      ...villagers,
      'demo-grid': 'ok',
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'NOT_FOUND',
      'demo-town': 'NOT_FOUND'
    })
  },
  'issue.raise': { input: () => ({ requestId: rid(), category: '其他', text: '矩阵' }), expect: only(villagers) },
  'issue.mine': { input: () => ({}), expect: only(villagers) },
  'issue.queue': { input: () => ({}), expect: only({ ...bothCadres, ...grid }) },
  // the village's cadres and the household's grid worker handle it; the grid worker takes it first
  'issue.take': {
    input: () => ({ requestId: rid(), issueId: fixture.issueNew }),
    expect: only({ 'demo-grid': 'ok', 'demo-cadre': 'ok', 'demo-cadre-jq': 'FORBIDDEN' })
  },
  'issue.reply': {
    input: () => ({ requestId: rid(), issueId: fixture.issueHandling, text: '收到' }),
    expect: only({
      'demo-villager': 'ok',
      'demo-villager-2': 'FORBIDDEN',
      'demo-grid': 'ok',
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'FORBIDDEN'
    })
  },
  'issue.handOver': {
    input: () => ({ requestId: rid(), issueId: fixture.issueHandling, toOpenid: 'demo-grid' }),
    expect: only({ 'demo-grid': 'ok', 'demo-cadre': 'ok', 'demo-cadre-jq': 'FORBIDDEN' })
  },
  'issue.close': {
    input: () => ({ requestId: rid(), issueId: fixture.issueAnswered }),
    expect: only({
      'demo-villager': 'ok',
      'demo-villager-2': 'FORBIDDEN',
      'demo-grid': 'ok',
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'FORBIDDEN'
    })
  },
  'issue.rate': {
    input: () => ({ requestId: rid(), issueId: fixture.issueToRate, stars: 4 }),
    expect: only({ 'demo-villager': 'ok', 'demo-villager-2': 'FORBIDDEN' })
  },
  'service.list': { input: () => ({}), expect: only(inVillage) },
  'service.save': {
    input: () => ({ requestId: rid(), category: '其他', name: '矩阵服务', purpose: '测试' }),
    expect: only(bothCadres)
  },
  // trust: every village reads its own seals; a town administrator its town's villages (the first by default)
  'seal.heads': { input: () => ({}), expect: only({ ...inVillage, 'demo-town': 'ok' }) },
  'seal.export': { input: () => ({}), expect: only({ ...inVillage, 'demo-town': 'ok' }) },
  'seal.exportFile': { input: () => ({}), expect: only({ ...inVillage, 'demo-town': 'ok' }) },
  // an entry another household got, in the village's posting: villagers of the village and its cadre
  'entry.explain': {
    input: () => ({ entryId: fixture.postedEntry }),
    expect: only({ ...villagers, 'demo-cadre': 'ok', 'demo-cadre-jq': 'OTHER_VILLAGE' })
  },
  'fairness.town': { input: () => ({}), expect: only({ 'demo-town': 'ok' }) },
  'fairness.village': { input: () => ({}), expect: only(inVillage) },
  'partyMember.home': { input: () => ({}), expect: only(partyMember) },
  'partyMember.bind': {
    input: () => ({ requestId: rid(), code: 'ZZZZZZZZ' }),
    expect: Object.fromEntries(PERSONAS.map(p => [p, 'BIND_CODE_INVALID'])) as Record<Persona, Outcome>
  },
  'partyBranch.members': { input: () => ({}), expect: only(officers) },
  'partyBranch.saveMember': {
    input: () => ({ requestId: rid(), memberId: 'pm-xf-02', name: '何建华', category: 'employed' }),
    expect: only(secretaryOnly)
  },
  'partyBranch.fromHouseholds': { input: () => ({ requestId: rid() }), expect: only(officers) },
  'partyBranch.bindCode': { input: () => ({ requestId: rid(), memberId: 'pm-xf-03' }), expect: only(secretaryOnly) },
  'partyBranch.saveRule': {
    input: () => ({
      requestId: rid(),
      terms: {
        group: '服务群众',
        title: '矩阵细则',
        points: { min: 1, max: 2 },
        cap: null,
        evidenceRequired: false,
        categories: ['employed'],
        claimable: false,
        meeting: null
      }
    }),
    expect: only(officers)
  },
  'partyBranch.adoptTemplate': { input: () => ({ requestId: rid() }), expect: only(officers) },
  'partyScore.award': {
    input: () => ({ requestId: rid(), memberId: 'pm-xf-04', ruleId: 'pb-xf-1-volunteer', points: 2 }),
    expect: only(secretaryOnly)
  },
  'partyScore.meeting': {
    input: () => ({ requestId: rid(), ruleId: 'pb-xf-1-meeting', presentIds: ['pm-xf-02'] }),
    expect: only(secretaryOnly)
  },
  'partyClaim.create': {
    input: () => ({ requestId: rid(), ruleId: 'pb-xf-1-volunteer', points: 2, description: '清扫村道' }),
    expect: only(partyMember)
  },
  'partyClaim.queue': { input: () => ({}), expect: only(officers) },
  'partyClaim.approve': {
    input: () => ({ requestId: rid(), claimId: fixture.partyClaimToApprove }),
    expect: only(secretaryOnly)
  },
  'partyClaim.reject': {
    input: () => ({ requestId: rid(), claimId: fixture.partyClaimToReject, reason: '没有记录' }),
    expect: only(secretaryOnly)
  },
  'partyPosting.publish': { input: () => ({ requestId: rid(), quarter: `${YEAR}-Q4` }), expect: only(officers) },
  'partyPosting.list': { input: () => ({}), expect: only({ ...villagers, ...officers }) },
  'partyObjection.create': {
    input: () => ({ requestId: rid(), entryId: fixture.partyEntry, reason: '那天我请了假' }),
    expect: only({ 'demo-villager-2': 'ALREADY_OBJECTED' })
  },
  'partyObjection.queue': { input: () => ({}), expect: only(officers) },
  'partyObjection.resolve': {
    input: () => ({ requestId: rid(), objectionId: fixture.partyObjection, upheld: false, reply: '有签到记录' }),
    expect: only(secretaryOnly)
  },
  'partyRating.sheet': {
    input: () => ({ year: YEAR, branchId: 'pb-xf-1' }),
    expect: only({ ...officers, 'demo-town-party': 'ok' })
  },
  'partyRating.enter': {
    input: () => ({ requestId: rid(), year: YEAR, reviews: [{ memberId: 'pm-xf-02', review: 15 }] }),
    expect: only(secretaryOnly)
  },
  // the second branch's sheet is confirmed already (let in, refused by state); the first's is entered
  'partyRating.confirm': { input: () => ({ requestId: rid(), year: YEAR }), expect: only(officers) },
  'partyRating.post': {
    input: () => ({ requestId: rid(), year: YEAR, branchId: 'pb-xf-2' }),
    expect: only({ 'demo-town-party': 'ok' })
  },
  'partyTown.overview': { input: () => ({}), expect: only({ 'demo-town-party': 'ok' }) },
  'partyTown.rateOrg': {
    input: () => ({ requestId: rid(), orgId: 'po-xf', year: YEAR, stars: 4, reason: '组织生活规范' }),
    expect: only({ 'demo-town-party': 'ok' })
  },
  'partyTown.settings': { input: () => ({}), expect: only({ 'demo-town-party': 'ok', 'demo-county': 'ok' }) },
  'partyTown.setSettings': {
    input: () => ({
      requestId: rid(),
      settings: {
        baseScore: 60,
        reviewMax: 20,
        scaleMax: 100,
        starThresholds: [60, 70, 80, 90, 96],
        quarterPostingDays: 7,
        ratingPostingDays: 5
      }
    }),
    expect: only({ 'demo-town-party': 'ok', 'demo-county': 'ok' })
  },
  'partyOrg.village': { input: () => ({}), expect: only({ ...inVillage, ...officers, ...partyMember }) },
  'partyRole.list': {
    input: () => ({}),
    expect: only({ ...bothCadres, 'demo-town': 'ok', 'demo-county': 'ok' })
  },
  'partyRole.grant': {
    input: () => ({ requestId: rid(), openid: 'matrix-party', name: '测试', role: 'partyClerk', placeId: 'pb-xf-1' }),
    expect: only({
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'GRANT_NOT_ALLOWED',
      'demo-town': 'ok',
      'demo-county': 'GRANT_NOT_ALLOWED'
    })
  },
  'partyRole.revoke': {
    input: () => ({ requestId: rid(), openid: 'matrix-party-held', role: 'partyClerk' }),
    expect: only({
      'demo-cadre': 'ok',
      'demo-cadre-jq': 'GRANT_NOT_ALLOWED',
      'demo-town': 'ok',
      'demo-county': 'GRANT_NOT_ALLOWED'
    })
  },
  'register.template': { input: () => ({ villageId: 'v-xinfeng' }), expect: only({ ...cadreOnly, 'demo-town': 'ok' }) },
  'register.preview': {
    input: () => ({ villageId: 'v-xinfeng', fileId: fixture.registerFile }),
    expect: only({ ...cadreOnly, 'demo-town': 'ok' })
  },
  'register.apply': {
    input: () => ({ requestId: rid(), villageId: 'v-xinfeng', fileId: fixture.registerFile }),
    expect: only({ ...cadreOnly, 'demo-town': 'ok' })
  },
  'export.households': { input: () => ({ villageId: 'v-xinfeng' }), expect: only({ ...cadreOnly, ...admins }) },
  'export.ledger': {
    input: () => ({ villageId: 'v-xinfeng', period: '2026' }),
    expect: only({ ...cadreOnly, ...admins })
  },
  'export.ranking': { input: () => ({ villageId: 'v-xinfeng' }), expect: only({ ...cadreOnly, ...admins }) },
  'export.overview': { input: () => ({}), expect: only(admins) },
  'overview.get': { input: () => ({}), expect: only(admins) },
  'dataExport.run': { input: () => ({ requestId: rid() }), expect: only(admins) },
  'village.setRegistered': {
    input: () => ({ requestId: rid(), villageId: 'v-xinfeng', registeredHouseholds: 30 }),
    expect: only(admins)
  },
  'ranking.wide': { input: () => ({ scope: 'county' }), expect: only({ ...inVillage, ...admins }) },
  ...participationRows()
}

/** Issue 17's routes: votes, activities, organisations, points for credit. */
function participationRows() {
  const village = { 'demo-cadre': 'ok', 'demo-cadre-jq': 'NOT_FOUND', 'demo-town': 'NOT_FOUND' } as const
  return {
    'vote.open': {
      input: () => ({
        requestId: rid(),
        question: '矩阵投票',
        options: ['是', '否'],
        deadlineAt: Date.UTC(2026, 11, 1)
      }),
      expect: only({ ...bothCadres, 'demo-town': 'ok' })
    },
    'vote.list': { input: () => ({}), expect: only({ ...inVillage, ...admins }) },
    // the village's vote: its people, its cadre, and those who watch its town and county; not another village
    'vote.get': {
      input: () => ({ voteId: fixture.vote }),
      expect: only({ ...villagers, 'demo-grid': 'ok', ...village, ...admins })
    },
    // per person, so both villagers may vote once
    'vote.cast': { input: () => ({ requestId: rid(), voteId: fixture.vote, choices: [0] }), expect: only(villagers) },
    'vote.voters': { input: () => ({ voteId: fixture.vote }), expect: only(village) },
    'vote.close': { input: () => ({ requestId: rid(), voteId: fixture.vote }), expect: only(village) },
    'vote.post': { input: () => ({ requestId: rid(), voteId: fixture.voteClosed }), expect: only(village) },
    'village.now': { input: () => ({}), expect: only(inVillage) },
    'activity.post': {
      input: () => ({
        requestId: rid(),
        kind: 'culture',
        title: '矩阵活动',
        place: '村委会',
        startAt: Date.UTC(2026, 11, 1),
        endAt: Date.UTC(2026, 11, 1, 2),
        capacity: 10
      }),
      expect: only(bothCadres)
    },
    'activity.list': { input: () => ({}), expect: only(inVillage) },
    'activity.get': {
      input: () => ({ activityId: fixture.activity }),
      expect: only({ ...villagers, 'demo-grid': 'ok', 'demo-cadre': 'ok', 'demo-cadre-jq': 'NOT_FOUND' })
    },
    'activity.signUp': { input: () => ({ requestId: rid(), activityId: fixture.activity }), expect: only(villagers) },
    'activity.cancel': { input: () => ({ requestId: rid(), activityId: fixture.activity }), expect: only(villagers) },
    'activity.checkIn': {
      input: () => ({ requestId: rid(), activityId: fixture.activityUnderWay, key: fixture.activityKey }),
      expect: only(villagers)
    },
    'activity.code': { input: () => ({ activityId: fixture.activity }), expect: only(cadreOnly) },
    'activity.attendees': { input: () => ({ activityId: fixture.activity }), expect: only(cadreOnly) },
    'activity.tick': {
      input: () => ({ requestId: rid(), activityId: fixture.activity, householdId: 'h-xf-005', present: true }),
      expect: only(cadreOnly)
    },
    'activity.confirm': {
      input: () => ({ requestId: rid(), activityId: fixture.activityUnderWay }),
      expect: only(cadreOnly)
    },
    'org.save': {
      input: () => ({ requestId: rid(), name: '矩阵单位', kind: 'other', townIds: ['t-xiangyang'] }),
      expect: only({ 'demo-town': 'ok', 'demo-county': 'ok' })
    },
    'org.list': {
      input: () => ({}),
      expect: only({ ...inVillage, 'demo-town': 'ok', 'demo-county': 'ok', 'demo-org': 'ok', 'demo-bank': 'ok' })
    },
    'org.page': {
      input: () => ({ organisationId: 'org-police' }),
      // the police station's own staff, and the villages it serves; another organisation's staff have no village
      expect: only({ ...inVillage, 'demo-org': 'ok' })
    },
    // the county registered the police station: the town administrator may not grant its staff
    'org.grantStaff': {
      input: () => ({ requestId: rid(), organisationId: 'org-police', openid: 'matrix-police', name: '矩阵' }),
      expect: only({ 'demo-county': 'ok', 'demo-town': 'GRANT_NOT_ALLOWED' })
    },
    'org.publishService': {
      input: () => ({ requestId: rid(), category: '其他', name: '矩阵服务', purpose: '测试' }),
      expect: only({ 'demo-org': 'ok', 'demo-bank': 'ok' })
    },
    'org.publishNotice': {
      input: () => ({ requestId: rid(), title: '矩阵通知' }),
      expect: only({ 'demo-org': 'ok', 'demo-bank': 'ok' })
    },
    'issue.toOrganisation': {
      input: () => ({ requestId: rid(), issueId: fixture.issueForOrganisation, organisationId: 'org-police' }),
      expect: only({ 'demo-cadre': 'ok', 'demo-cadre-jq': 'FORBIDDEN' })
    },
    'org.issues': { input: () => ({}), expect: only({ 'demo-org': 'ok', 'demo-bank': 'ok' }) },
    // only the organisation it was handed to
    'org.replyIssue': {
      input: () => ({ requestId: rid(), issueId: fixture.issueAtOrganisation, text: '收到' }),
      expect: only({ 'demo-org': 'ok', 'demo-bank': 'NOT_FOUND' })
    },
    // the head of the household; 李建国 is the head of his too
    'credit.banks': { input: () => ({}), expect: only(villagers) },
    'credit.consent': {
      input: () => ({ requestId: rid(), bankId: 'org-bank', purpose: '矩阵', days: 30, agreed: true }),
      expect: only(villagers)
    },
    'credit.revoke': { input: () => ({ requestId: rid(), bankId: 'org-bank' }), expect: only(villagers) },
    'credit.mine': { input: () => ({}), expect: only(villagers) },
    'credit.households': { input: () => ({}), expect: only({ 'demo-bank': 'ok' }) },
    // 1组3号's head consented in the set-up and never revoked
    'credit.summary': { input: () => ({ householdId: 'h-xf-003' }), expect: only({ 'demo-bank': 'ok' }) },
    'credit.setPolicy': {
      input: () => ({ requestId: rid(), baseRatePct: 5.2, cutPer100Pct: 0.1, maxCutPct: 1 }),
      expect: only({ 'demo-bank': 'ok' })
    }
  } as const
}

beforeAll(async () => {
  env = await productCloud()
  // a role goes only to someone who has opened the app
  for (const openid of ['matrix-target', 'matrix-held', 'matrix-party', 'matrix-party-held', 'matrix-police'])
    await env.call(openid, 'me.session', {})
  const file = await registerFile(registerRows(2, ['1组'], ['第1网格']))
  fixture.registerFile = (await env.cloud.uploadFile({ cloudPath: 'imports/matrix.xlsx', fileContent: file })).fileID
  const issued = await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-012', days: 7 })
  joinCode = (issued as any).data.code
  // a grid worker for the revoke row; the cadre's own revoke runs last in its row
  await env.call('demo-cadre', 'roles.grant', {
    requestId: rid(),
    openid: 'matrix-held',
    name: '待收回',
    role: 'gridWorker',
    placeIds: ['g-xf-2']
  })
  const data = (reply: any) => reply.data
  const claim = (openid: string) =>
    env
      .call(openid, 'claim.create', { requestId: rid(), ruleId: 'r-xf-volunteer', points: 5, description: '出工' })
      .then(data)
  fixture.ownClaim = (await claim('demo-villager')).id
  fixture.claimToApprove = (await claim('demo-villager-2')).id
  fixture.claimToReject = (await claim('demo-villager-2')).id
  const scored = async (householdId: string) =>
    (
      await env
        .call('demo-cadre', 'score.award', { requestId: rid(), householdId, ruleId: 'r-xf-garbage', points: 5 })
        .then(data)
    ).entry.id
  fixture.postedEntry = await scored('h-xf-005')
  const disputed = await scored('h-xf-006')
  fixture.objection = (
    await env
      .call('demo-villager', 'objection.create', { requestId: rid(), entryId: disputed, reason: '有疑问' })
      .then(data)
  ).id
  const order = () => env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: 'g-xf-soap' }).then(data)
  fixture.orderToCollect = (await order()).id
  fixture.orderToCancel = (await order()).id
  const notice = () =>
    env.call('demo-cadre', 'notice.publish', { requestId: rid(), kind: 'notice', title: '矩阵通知' }).then(data)
  fixture.notice = (await notice()).id
  fixture.noticeToChange = (await notice()).id
  const issue = () =>
    env.call('demo-villager', 'issue.raise', { requestId: rid(), category: '其他', text: '矩阵' }).then(data)
  const step = (route: string, issueId: string, extra = {}) =>
    env.call('demo-cadre', route, { requestId: rid(), issueId, ...extra })
  fixture.issueNew = (await issue()).id
  fixture.issueHandling = (await issue()).id
  await step('issue.take', fixture.issueHandling)
  const vote = () =>
    env
      .call('demo-cadre', 'vote.open', {
        requestId: rid(),
        question: '矩阵投票',
        options: ['是', '否'],
        per: 'person',
        deadlineAt: Date.UTC(2026, 11, 1)
      })
      .then(data)
  fixture.vote = (await vote()).id
  fixture.voteClosed = (await vote()).id
  await env.call('demo-cadre', 'vote.close', { requestId: rid(), voteId: fixture.voteClosed })
  const activity = (startAt: number) =>
    env
      .call('demo-cadre', 'activity.post', {
        requestId: rid(),
        kind: 'labour',
        title: '矩阵活动',
        place: '村委会',
        startAt,
        endAt: startAt + 3 * 3600_000,
        capacity: 10
      })
      .then(data)
  fixture.activity = (await activity(Date.UTC(2026, 11, 1))).id
  // an activity under way now: posted and signed up for the day before (the routes as of then)
  const dayBefore = (openid: string, route: string, input: object) =>
    env.router()({ route, input }, { ...env.ctxFor(openid), now: () => Date.UTC(2026, 10, 26) })
  fixture.activityUnderWay = (
    await dayBefore('demo-cadre', 'activity.post', {
      requestId: rid(),
      kind: 'labour',
      title: '矩阵活动',
      place: '村委会',
      startAt: Date.UTC(2026, 10, 27, 3, 30),
      endAt: Date.UTC(2026, 10, 27, 6),
      capacity: 10
    }).then(data)
  ).id
  for (const villager of ['demo-villager', 'demo-villager-2'])
    await dayBefore(villager, 'activity.signUp', { requestId: rid(), activityId: fixture.activityUnderWay })
  const dispute = () =>
    env.call('demo-villager', 'issue.raise', { requestId: rid(), category: '邻里纠纷', text: '矩阵' }).then(data)
  fixture.issueForOrganisation = (await dispute()).id
  fixture.issueAtOrganisation = (await dispute()).id
  await env.call('demo-cadre', 'issue.toOrganisation', {
    requestId: rid(),
    issueId: fixture.issueAtOrganisation,
    organisationId: 'org-police'
  })
  // 1组3号's head is its bound user 孙志明 (the second cadre), recorded as the household's head user
  const consent = await env.call('demo-cadre-2', 'credit.consent', {
    requestId: rid(),
    bankId: 'org-bank',
    purpose: '矩阵',
    days: 30,
    agreed: true
  })
  if (!(consent as { ok: boolean }).ok) throw new Error(`consent set-up: ${JSON.stringify(consent)}`)
  fixture.activityKey = (await env.db.collection('activities').doc(fixture.activityUnderWay).get()).data.key
  for (const key of ['issueAnswered', 'issueToRate'] as const) {
    fixture[key] = (await issue()).id
    await step('issue.take', fixture[key])
    await step('issue.reply', fixture[key], { text: '已办好', answer: true })
  }
  await partyFixtures()
})
afterAll(() => env.close())

/** A claim to approve and one to reject, a posted quarter with an objection, and sheets in each state. */
async function partyFixtures() {
  const data = (reply: any) => {
    if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`)
    return reply.data
  }
  const claim = () =>
    env
      .call('demo-villager-2', 'partyClaim.create', {
        requestId: rid(),
        ruleId: 'pb-xf-1-volunteer',
        points: 2,
        description: '清扫村道'
      })
      .then(data)
  fixture.partyClaimToApprove = (await claim()).id
  fixture.partyClaimToReject = (await claim()).id
  const act = await env
    .call('demo-secretary', 'partyScore.award', {
      requestId: rid(),
      memberId: 'pm-xf-01',
      ruleId: 'pb-xf-1-pioneer',
      points: 5
    })
    .then(data)
  fixture.partyEntry = await entryOf(act.id)
  await env.call('demo-secretary', 'partyPosting.publish', { requestId: rid(), quarter: `${YEAR}-Q4` }).then(data)
  fixture.partyObjection = (
    await env
      .call('demo-villager-2', 'partyObjection.create', {
        requestId: rid(),
        entryId: fixture.partyEntry,
        reason: '有疑问'
      })
      .then(data)
  ).id
  await env
    .call('demo-clerk', 'partyRating.enter', {
      requestId: rid(),
      year: YEAR,
      reviews: [{ memberId: 'pm-xf-13', review: 15 }]
    })
    .then(data)
  await env.call('demo-clerk', 'partyRating.confirm', { requestId: rid(), year: YEAR }).then(data)
  await env.call('demo-cadre', 'partyRole.grant', {
    requestId: rid(),
    openid: 'matrix-party-held',
    name: '待收回',
    role: 'partyClerk',
    placeId: 'pb-xf-1'
  })
}

async function entryOf(actId: string) {
  const act = (await env.db.collection('partyActs').doc(actId).get()).data
  return act.lines[0].entryId as string
}

test('the matrix covers every route', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(routes).sort())
})

test.each(Object.keys(MATRIX) as RouteName[])('%s: exactly the allowed personas get in', async route => {
  const seen: Record<string, Outcome> = {}
  // the cadre of the village last, so that a write of theirs (revoking, retiring) cannot hide another's refusal
  const order = [...PERSONAS.filter(p => p !== 'demo-cadre'), 'demo-cadre' as const]
  for (const persona of order) {
    const reply = await env.call(persona, route, MATRIX[route].input())
    seen[persona] = reply.ok || LET_IN_ANSWERS.includes(reply.code) ? 'ok' : reply.code
  }
  expect(seen).toEqual(MATRIX[route].expect)
})

/**
 * Routes whose input names a village or town as the target of an administrator's act (a town
 * administrator imports into one of the town's villages): the handler checks the target against the
 * caller's grants (county-scope.ts, overview.ts); the caller's own place still never comes from input.
 */
const TARGET_PLACE_ROUTES = [
  'register.template',
  'register.preview',
  'register.apply',
  'export.households',
  'export.ledger',
  'export.ranking',
  'export.overview',
  'overview.get',
  'village.setRegistered',
  'dataExport.run'
]

test('no route takes the caller, their role or their village from the input', () => {
  for (const [name, spec] of Object.entries(routes)) {
    const keys = Object.keys((spec.input as any).shape ?? {})
    const forbidden = ['callerOpenid', 'roles', 'identity', 'by']
    if (!TARGET_PLACE_ROUTES.includes(name)) forbidden.push('villageId', 'townId')
    for (const key of forbidden) expect({ name, has: keys.includes(key) }).toEqual({ name, has: false })
    // a villager's own household comes from their grant: the villager routes take no household id
    if (name.startsWith('archive.') || name.startsWith('me.'))
      expect({ name, keys: keys.filter(k => /household|openid/i.test(k)) }).toEqual({ name, keys: [] })
  }
})
