import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

/**
 * The order in which a route refuses to act on an item of a review queue (a claim or proposal, an
 * objection, a party claim, a party objection). Each item here fails several checks at once, so the
 * code it is refused with says which check comes first: it must exist (NOT_FOUND), lie in the caller's
 * place (OTHER_VILLAGE, OTHER_BRANCH), not be proposed by the caller (SELF_REVIEW), and not be about
 * the caller's own household or party membership (CONFLICT_OF_INTEREST). Where the route checks the
 * user's text, that comes before all of them. A refused act changes nothing.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>

/** a cadre of 新丰村 who lives in 1组3号 */
const CADRE = 'qr-cadre'
const OWN_HOUSEHOLD = 'h-xf-003'
/** the secretary of 新丰村's first branch, a member of it too */
const SECRETARY = 'qr-secretary'
const OWN_MEMBER = 'pm-qr'
const REFUSED_TEXT = '帮人赌博收钱'

let ownEntry = ''

const pending = (id: string, villageId: string, by: string) => ({
  _id: id,
  kind: 'claim',
  state: 'pending',
  householdId: OWN_HOUSEHOLD,
  villageId,
  doorPlate: '1组3号',
  head: '黄德华',
  rule: { id: 'r-xf-volunteer', title: '志愿服务', category: '公益参与', pointsMin: 1, pointsMax: 10 },
  points: 5,
  description: '扫雪',
  evidence: [],
  logId: null,
  by,
  byName: '某人',
  at: 0,
  resolvedAt: null,
  resolvedBy: null,
  resolvedByName: null,
  reason: null,
  approvedPoints: null,
  entryId: null
})

const objection = (id: string, villageId: string) => ({
  _id: id,
  entryId: ownEntry,
  villageId,
  doorPlate: '1组3号',
  title: '志愿服务',
  points: 5,
  by: 'someone',
  byName: '某人',
  reason: '不对',
  state: 'open',
  reply: '',
  at: 0,
  resolvedAt: null,
  resolvedBy: null
})

const partyClaim = (id: string, branchId: string, by: string) => ({
  _id: id,
  state: 'pending',
  memberId: OWN_MEMBER,
  memberName: '何建华',
  branchId,
  villageId: 'v-xinfeng',
  rule: { id: 'pr-x', title: '志愿服务', group: '日常表现', pointsMin: 1, pointsMax: 5 },
  points: 2,
  description: '扫雪',
  evidence: [],
  by,
  at: 0,
  resolvedAt: null,
  resolvedByName: null,
  reason: null,
  entryId: null
})

const partyObjection = (id: string, branchId: string) => ({
  _id: id,
  entryId: 'pe-x',
  memberId: OWN_MEMBER,
  memberName: '何建华',
  branchId,
  villageId: 'v-xinfeng',
  title: '志愿服务',
  points: 2,
  reason: '不对',
  state: 'open',
  reply: '',
  at: 0,
  resolvedAt: null
})

beforeAll(async () => {
  env = await productCloud()
  const entries = await env.db.collection('entries').where({ householdId: OWN_HOUSEHOLD }).limit(1).get()
  ownEntry = entries.data[0]._id
  await env.db.collection('users').add({
    data: [
      {
        _id: CADRE,
        name: '黄德华',
        roles: [
          { role: 'cadre', villageId: 'v-xinfeng' },
          { role: 'villager', householdId: OWN_HOUSEHOLD, villageId: 'v-xinfeng' }
        ]
      },
      {
        _id: SECRETARY,
        name: '何建华',
        roles: [
          { role: 'branchSecretary', branchId: 'pb-xf-1', villageId: 'v-xinfeng' },
          { role: 'partyMember', memberId: OWN_MEMBER, branchId: 'pb-xf-1', villageId: 'v-xinfeng' }
        ]
      }
    ]
  })
  await env.db.collection('pending').add({
    data: [
      // another village's, proposed by the caller, about their household: the place is checked first
      pending('qr-p-other', 'v-jinqiao', CADRE),
      // proposed by the caller about their own household: their own proposal is checked before their household
      pending('qr-p-self', 'v-xinfeng', CADRE),
      pending('qr-p-own', 'v-xinfeng', 'someone')
    ]
  })
  await env.db
    .collection('objections')
    .add({ data: [objection('qr-o-other', 'v-jinqiao'), objection('qr-o-own', 'v-xinfeng')] })
  await env.db.collection('partyClaims').add({
    data: [
      partyClaim('qr-c-other', 'pb-xf-2', SECRETARY),
      partyClaim('qr-c-self', 'pb-xf-1', SECRETARY),
      partyClaim('qr-c-own', 'pb-xf-1', 'someone')
    ]
  })
  await env.db
    .collection('partyObjections')
    .add({ data: [partyObjection('qr-po-other', 'pb-xf-2'), partyObjection('qr-po-own', 'pb-xf-1')] })
})
afterAll(() => env.close())

const stateOf = async (collection: string, id: string) => (await env.db.collection(collection).doc(id).get()).data.state

/** the expected message, where the route gives its own; null: the code's */
type Case = [what: string, id: string, code: string, message: string | null]

const NOT_FOUND_PENDING = '没有找到这条申报'
const pendingCases: Case[] = [
  ['an unknown one', 'qr-p-none', 'NOT_FOUND', NOT_FOUND_PENDING],
  ['another village’s, proposed by the caller about their household', 'qr-p-other', 'OTHER_VILLAGE', null],
  ['proposed by the caller about their own household', 'qr-p-self', 'SELF_REVIEW', null],
  ['about the caller’s household', 'qr-p-own', 'CONFLICT_OF_INTEREST', null]
]

describe.each([
  ['review.approve', (pendingId: string) => ({ requestId: rid(), pendingId })],
  ['review.reject', (pendingId: string) => ({ requestId: rid(), pendingId, reason: '不符合' })]
])('%s refuses a claim', (route, input) => {
  test.each(pendingCases)('%s: %s', async (_what, id, code, message) => {
    const reply = await env.call(CADRE, route, input(id))
    expect(reply).toMatchObject({ ok: false, code, ...(message === null ? {} : { message }) })
    if (id !== 'qr-p-none') expect(await stateOf('pending', id)).toBe('pending')
  })
})

test('review.reject checks the reason’s text before the claim', async () => {
  const reply = await env.call(CADRE, 'review.reject', {
    requestId: rid(),
    pendingId: 'qr-p-none',
    reason: REFUSED_TEXT
  })
  expect(reply).toMatchObject({ ok: false, code: 'CONTENT_REFUSED' })
})

describe('objection.resolve refuses an objection', () => {
  test.each<Case>([
    ['an unknown one', 'qr-o-none', 'NOT_FOUND', '没有找到这条异议'],
    ['another village’s, about the caller’s household', 'qr-o-other', 'OTHER_VILLAGE', null],
    ['about the caller’s household', 'qr-o-own', 'CONFLICT_OF_INTEREST', null]
  ])('%s: %s', async (_what, id, code, message) => {
    const reply = await env.call(CADRE, 'objection.resolve', {
      requestId: rid(),
      objectionId: id,
      upheld: false,
      reply: '维持'
    })
    expect(reply).toMatchObject({ ok: false, code, ...(message === null ? {} : { message }) })
    if (id !== 'qr-o-none') expect(await stateOf('objections', id)).toBe('open')
  })

  test('the reply’s text first', async () => {
    const reply = await env.call(CADRE, 'objection.resolve', {
      requestId: rid(),
      objectionId: 'qr-o-none',
      upheld: false,
      reply: REFUSED_TEXT
    })
    expect(reply).toMatchObject({ ok: false, code: 'CONTENT_REFUSED' })
  })
})

describe.each([
  ['partyClaim.approve', (claimId: string) => ({ requestId: rid(), claimId })],
  ['partyClaim.reject', (claimId: string) => ({ requestId: rid(), claimId, reason: '不符合' })]
])('%s refuses a party claim', (route, input) => {
  test.each<Case>([
    ['an unknown one', 'qr-c-none', 'NOT_FOUND', '没有找到要查的内容'],
    ['another branch’s, made by the caller about themselves', 'qr-c-other', 'OTHER_BRANCH', null],
    ['made by the caller about themselves', 'qr-c-self', 'SELF_REVIEW', null],
    [
      'about the caller as a member',
      'qr-c-own',
      'CONFLICT_OF_INTEREST',
      '这是您自己的党员积分，按规定要回避，请支部其他人或镇党委办理'
    ]
  ])('%s: %s', async (_what, id, code, message) => {
    const reply = await env.call(SECRETARY, route, input(id))
    expect(reply).toMatchObject({ ok: false, code, ...(message === null ? {} : { message }) })
    if (id !== 'qr-c-none') expect(await stateOf('partyClaims', id)).toBe('pending')
  })
})

describe('partyObjection.resolve refuses a party objection', () => {
  test.each<Case>([
    ['an unknown one', 'qr-po-none', 'NOT_FOUND', '没有找到要查的内容'],
    ['another branch’s, about the caller', 'qr-po-other', 'OTHER_BRANCH', null],
    ['about the caller as a member', 'qr-po-own', 'CONFLICT_OF_INTEREST', null]
  ])('%s: %s', async (_what, id, code, message) => {
    const reply = await env.call(SECRETARY, 'partyObjection.resolve', {
      requestId: rid(),
      objectionId: id,
      upheld: false,
      reply: '维持'
    })
    expect(reply).toMatchObject({ ok: false, code, ...(message === null ? {} : { message }) })
    if (id !== 'qr-po-none') expect(await stateOf('partyObjections', id)).toBe('open')
  })
})
