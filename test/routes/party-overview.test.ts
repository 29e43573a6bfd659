import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'
import { MEMBER_CATEGORIES } from '../../core/domain/party'
import { periodKeys } from '../../core/domain/period'
import { recountPartyStats } from '../../cloudfunctions/shared/party-stats'

/**
 * The town's party overview reads one roster per branch (shared/party-stats.ts), kept by the writes:
 * after meetings (some concurrent and repeated), awards, approvals, new members, category changes and
 * members from the households, it equals a count made directly from the members; a roster that drifted
 * is what the overview shows until the recount repairs it.
 */
jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const QUARTER = periodKeys(NOW).quarter
beforeAll(async () => (env = await productCloud(NOW)))
afterAll(() => env.close())

const ok = async (openid: string, route: string, input: unknown = {}) => {
  const reply: any = await env.call(openid, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply.data
}

/** What the overview should say, counted straight from the member documents. */
async function countedFromMembers() {
  const members = (await env.db.collection('partyMembers').where({ townId: 't-xiangyang' }).limit(1000).get()).data
  const branchIds = [...new Set(members.map((m: any) => m.branchId))] as string[]
  return Object.fromEntries(
    branchIds.map(branchId => {
      const own = members.filter((m: any) => m.branchId === branchId && m.active)
      return [
        branchId,
        {
          members: own.length,
          byCategory: Object.fromEntries(
            MEMBER_CATEGORIES.map(c => [c, own.filter((m: any) => m.category === c).length])
          ),
          notScoredCount: own.filter((m: any) => m.quarterKey !== QUARTER).length
        }
      ]
    })
  )
}
const overviewFigures = async () =>
  Object.fromEntries(
    (await ok('demo-town-party', 'partyTown.overview')).branches
      .filter((b: any) => b.members > 0)
      .map((b: any) => [b.branchId, { members: b.members, byCategory: b.byCategory, notScoredCount: b.notScoredCount }])
  )

test('after a set of writes the overview equals a count from the members', async () => {
  // the first read counts the seeded branches once; it already agrees
  expect((await env.db.collection('partyBranchStats').count()).total).toBe(0)
  expect(await overviewFigures()).toEqual(await countedFromMembers())
  expect((await env.db.collection('partyBranchStats').count()).total).toBe(3)
  const unscored = (await ok('demo-town-party', 'partyTown.overview')).branches.flatMap((b: any) =>
    b.notScoredThisQuarter.map((m: any) => m.memberId)
  )
  expect(unscored.length).toBeGreaterThan(2)

  // the same meeting sent four times at once, another meeting of the second branch, an award
  const meeting = { requestId: rid('m'), ruleId: 'pb-xf-1-partyday', presentIds: ['pm-xf-01', 'pm-xf-02'] }
  await Promise.all([
    ...Array.from({ length: 4 }, () => ok('demo-secretary', 'partyScore.meeting', meeting)),
    ok('demo-clerk', 'partyScore.meeting', {
      requestId: rid('m'),
      ruleId: 'pb-xf-2-meeting',
      presentIds: ['pm-xf-13', 'pm-xf-14', 'pm-xf-15']
    }),
    ok('demo-secretary', 'partyScore.award', {
      requestId: rid('a'),
      memberId: 'pm-xf-03',
      ruleId: 'pb-xf-1-volunteer',
      points: 2
    })
  ])
  // a new member, a category change, members from the households
  const added = await ok('demo-secretary', 'partyBranch.saveMember', {
    requestId: rid('n'),
    name: '新党员甲',
    category: 'mobile',
    exempt: false,
    householdId: null
  })
  await ok('demo-secretary', 'partyBranch.saveMember', {
    requestId: rid('c'),
    memberId: added.memberId,
    name: '新党员甲',
    category: 'employed',
    exempt: false,
    householdId: null
  })
  await ok('demo-clerk', 'partyBranch.fromHouseholds', { requestId: rid('h') })
  // a claim approved
  const claim = await ok('demo-villager-2', 'partyClaim.create', {
    requestId: rid('cl'),
    ruleId: 'pb-xf-1-volunteer',
    points: 2,
    description: '清理河道',
    evidence: ['cloud://e/x.jpg']
  })
  await ok('demo-secretary', 'partyClaim.approve', { requestId: rid('ap'), claimId: claim.id })
  await expectLedgerConsistent(env.db)

  const figures = await overviewFigures()
  expect(figures).toEqual(await countedFromMembers())
  expect(figures['pb-xf-1'].byCategory.employed).toBeGreaterThan(0)
  const roster = (await env.db.collection('partyBranchStats').doc('pb-xf-1').get()).data.roster
  expect(roster[added.memberId]).toEqual({ name: '新党员甲', category: 'employed', scoredQuarter: '' })
  expect(roster['pm-xf-01'].scoredQuarter).toBe(QUARTER)
})

test('the overview reads the rosters, not the members: a drifted roster shows until the hourly recount', async () => {
  // a member changed behind the routes' back (as if a write died before its roster line)
  await env.db
    .collection('partyMembers')
    .doc('pm-xf-05')
    .update({ data: { category: 'infirm', quarterKey: '2020-Q1' } })
  const counted = await countedFromMembers()
  expect(await overviewFigures()).not.toEqual(counted)
  expect(await recountPartyStats(env.db, NOW)).toEqual({ branchesRecounted: 3 })
  expect(await overviewFigures()).toEqual(counted)
})
