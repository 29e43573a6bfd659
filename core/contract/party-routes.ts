import { z } from 'zod'
import { MEMBER_CATEGORIES, PARTY_RULE_GROUPS } from '../domain/party'
import type { GrantView } from './views'
import {
  change,
  empty,
  evidence,
  id,
  list,
  openid,
  quarterKey,
  read,
  required,
  requiredLine,
  result,
  text,
  write,
  yearKey
} from './schema'
import type {
  MemberHome,
  MemberRow,
  OrgStarsView,
  PartyActView,
  PartyClaimView,
  PartyObjectionView,
  PartyRolesView,
  PartyRuleView,
  PartySettingsView,
  QuarterPostingView,
  RatingSheetView,
  TownPartyOverview,
  VillagePartyView
} from './party-views'
import type { PartySettings } from '../domain/party'

/**
 * The party routes (党员积分评星), merged into the route table by routes.ts. As everywhere, no input
 * names the caller, their role, branch or town: those come from the caller's grants.
 */
const points = z.number().int('分值要是整数').min(-100).max(100)
const year = yearKey
const category = z.enum(MEMBER_CATEGORIES)

const partyRuleTerms = z
  .object({
    group: z.enum(PARTY_RULE_GROUPS),
    title: requiredLine(60),
    points: z.object({ min: points, max: points }).strict(),
    cap: z
      .object({ period: z.enum(['month', 'quarter', 'year']), max: z.number().int().min(1).max(100) })
      .strict()
      .nullable(),
    evidenceRequired: z.boolean(),
    categories: z.array(category).min(1).max(4),
    claimable: z.boolean(),
    meeting: z.enum(['threeMeetings', 'partyDay']).nullable()
  })
  .strict()

const settings = z
  .object({
    baseScore: z.number().int().min(0).max(100),
    reviewMax: z.number().int().min(0).max(50),
    scaleMax: z.number().int().min(50).max(200),
    starThresholds: z.array(z.number().int().min(1).max(200)).length(5, '要设5个星级的分数线'),
    quarterPostingDays: z.number().int().min(1).max(30),
    ratingPostingDays: z.number().int().min(1).max(30)
  })
  .strict()

export const partyRoutes = {
  // the member's own view, and binding a WeChat user to a member with the branch's code
  'partyMember.home': read(empty, result<MemberHome>()),
  'partyMember.bind': change(
    write({
      code: z
        .string()
        .trim()
        .toUpperCase()
        .pipe(z.string().regex(/^[A-Z2-9]{8}$/, '绑定码是8位字母和数字'))
    }),
    result<{ memberId: string; name: string; branchName: string }>()
  ),

  // the branch's officers (支部书记, 党务管理员): members, codes, rules
  'partyBranch.members': list(
    empty,
    result<{ branchName: string; quarter: string; members: MemberRow[]; rules: PartyRuleView[] }>()
  ),
  'partyBranch.saveMember': change(
    write({
      memberId: id.optional(),
      name: requiredLine(20),
      category,
      exempt: z.boolean().default(false),
      householdId: id.nullable().default(null)
    }),
    result<MemberRow>()
  ),
  /** members from the village's household members flagged 党员 who are not members of any branch yet */
  'partyBranch.fromHouseholds': change(write({}), result<{ added: number; kept: number }>()),
  'partyBranch.bindCode': change(write({ memberId: id }), result<{ code: string; expiresAt: number }>()),
  'partyBranch.saveRule': change(write({ ruleId: id.optional(), terms: partyRuleTerms }), result<PartyRuleView>()),
  'partyBranch.adoptTemplate': change(write({}), result<{ added: number; kept: number }>()),

  // scoring: one member, or a meeting's attendance list in one act
  'partyScore.award': change(
    write({ memberId: id, ruleId: id, points, note: text(200).default(''), evidence }),
    result<PartyActView>()
  ),
  'partyScore.meeting': change(
    write({
      ruleId: id,
      presentIds: z.array(id).max(200, '一次最多200人'),
      absentIds: z.array(id).max(200).default([]),
      /** the deduction for those absent without leave; none: absentees are only recorded */
      absentRuleId: id.nullable().default(null),
      note: text(200).default(''),
      evidence
    }),
    result<PartyActView>()
  ),

  // members' claims (申报) and the officers' review
  'partyClaim.create': change(
    write({ ruleId: id, points, description: required(200), evidence }),
    result<PartyClaimView>()
  ),
  'partyClaim.queue': list(empty, result<{ items: PartyClaimView[] }>()),
  'partyClaim.approve': change(write({ claimId: id, points: points.optional() }), result<PartyClaimView>()),
  'partyClaim.reject': change(write({ claimId: id, reason: required(200) }), result<PartyClaimView>()),

  // quarterly posting in the branch, and members' objections
  'partyPosting.publish': change(write({ quarter: quarterKey }), result<QuarterPostingView>()),
  'partyPosting.list': list(empty, result<{ quarters: QuarterPostingView[]; ratings: RatingSheetView[] }>()),
  'partyObjection.create': change(write({ entryId: id, reason: required(200) }), result<PartyObjectionView>()),
  'partyObjection.queue': list(empty, result<{ items: PartyObjectionView[] }>()),
  'partyObjection.resolve': change(
    write({ objectionId: id, upheld: z.boolean(), reply: required(200), points: points.optional() }),
    result<PartyObjectionView>()
  ),

  // the annual rating (年度评星): the branch enters and confirms, the town posts
  'partyRating.sheet': read(z.object({ year, branchId: id.optional() }).strict(), result<RatingSheetView>()),
  'partyRating.enter': change(
    write({
      year,
      reviews: z
        .array(z.object({ memberId: id, review: z.number().int().min(0).max(50) }).strict())
        .min(1)
        .max(200)
    }),
    result<RatingSheetView>()
  ),
  'partyRating.confirm': change(write({ year }), result<RatingSheetView>()),
  'partyRating.post': change(write({ year, branchId: id }), result<RatingSheetView>()),

  // the town's party administrator (镇党委管理员)
  'partyTown.overview': read(empty, result<TownPartyOverview>()),
  'partyTown.rateOrg': change(
    write({ orgId: id, year, stars: z.number().int().min(1).max(5), reason: required(200) }),
    result<OrgStarsView>()
  ),
  /** the settings the caller sets: a town party administrator the town's, the county administrator the county's */
  'partyTown.settings': read(empty, result<PartySettingsView>()),
  /** the town's adjustment of the county's settings; the county administrator sets the county's own */
  'partyTown.setSettings': change(write({ settings }), result<{ settings: PartySettings }>()),

  // what the village sees: its party organisation and the town's stars for it
  'partyOrg.village': read(empty, result<VillagePartyView>()),

  // party roles: branch officers by the village's cadre or the town, town party administrators by the county
  'partyRole.list': list(empty, result<PartyRolesView>()),
  'partyRole.grant': change(
    write({
      openid,
      name: requiredLine(20),
      role: z.enum(['branchSecretary', 'partyClerk', 'townPartyAdmin']),
      placeId: id
    }),
    result<GrantView>()
  ),
  'partyRole.revoke': change(
    write({ openid, role: z.enum(['branchSecretary', 'partyClerk', 'townPartyAdmin']) }),
    result<{ revoked: boolean }>()
  )
} as const
export type PartyRouteName = keyof typeof partyRoutes
