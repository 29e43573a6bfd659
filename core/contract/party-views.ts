import type { EntryView, GrantView } from './views'
import type {
  MemberCategory,
  PartyOrgKind,
  PartyPostingState,
  PartyRuleTerms,
  PartySettings,
  RatingState
} from '../domain/party'
import type { PendingState } from '../domain/workflow'

/** What the party routes return (党员积分评星). */

export interface PartyRuleView extends PartyRuleTerms {
  id: string
  active: boolean
  version: number
}

/** A member as their branch's officers see them. */
export interface MemberRow {
  memberId: string
  name: string
  category: MemberCategory
  exempt: boolean
  householdId: string | null
  bound: boolean
  yearPoints: number
  quarterPoints: number
  /** false: nothing scored this quarter yet */
  scoredThisQuarter: boolean
}

/** A member's annual star as shown to them, their household's card and their branch. */
export interface MemberStar {
  year: string
  stars: number
  exempt: boolean
  total: number
  state: RatingState
}

export interface MemberHome {
  memberId: string
  name: string
  branchName: string
  category: MemberCategory
  exempt: boolean
  year: string
  yearPoints: number
  quarterPoints: number
  baseScore: number
  /** base + the year's points so far, before 民主评议 */
  runningTotal: number
  placeInBranch: number
  membersInBranch: number
  /** this year's rating once entered, and earlier years' (newest first) */
  stars: MemberStar[]
  entries: EntryView[]
  rules: PartyRuleView[]
  claims: PartyClaimView[]
  settings: PartySettings
  /** the branch's quarter posting now open, if any: objections go to the branch while it is */
  openPosting: QuarterPostingView | null
}

export interface PartyClaimView {
  id: string
  state: PendingState
  memberId: string
  memberName: string
  ruleTitle: string
  points: number
  range: { min: number; max: number }
  description: string
  evidence: string[]
  at: number
  reason: string | null
}

export interface MeetingLineView {
  memberId: string
  name: string
  points: number
  status: 'applied' | 'capped' | 'notApplicable'
}

export interface PartyActView {
  id: string
  title: string
  at: number
  lines: MeetingLineView[]
  applied: number
  skipped: number
}

export interface QuarterPostingView {
  id: string
  branchName: string
  quarter: string
  rows: { memberId: string; name: string; category: MemberCategory; points: number }[]
  state: PartyPostingState
  until: number
}

export interface PartyObjectionView {
  id: string
  entryId: string
  memberName: string
  title: string
  points: number
  reason: string
  state: 'open' | 'upheld' | 'dismissed'
  reply: string
  at: number
}

export interface RatingRowView {
  memberId: string
  name: string
  category: MemberCategory
  exempt: boolean
  points: number
  review: number
  total: number
  stars: number
}

export interface RatingSheetView {
  branchId: string
  branchName: string
  year: string
  /** null: not entered yet (the rows are a draft from the year's points) */
  state: RatingState | null
  until: number | null
  settings: PartySettings
  rows: RatingRowView[]
}

export interface OrgStarsView {
  orgId: string
  orgName: string
  kind: PartyOrgKind
  year: string
  stars: number
  reason: string
  state: PartyPostingState
  until: number
}

export interface BranchOverview {
  branchId: string
  name: string
  villageName: string
  members: number
  byCategory: Record<MemberCategory, number>
  /** the latest rating's distribution: count per 0 (不合格)…5 stars, and exempt */
  stars: { year: string; state: RatingState | null; counts: number[]; exempt: number }
  /** the first of them by name (at most 30) */
  notScoredThisQuarter: { memberId: string; name: string; category: MemberCategory }[]
  notScoredCount: number
}

export interface TownPartyOverview {
  townName: string
  year: string
  quarter: string
  orgs: { orgId: string; name: string; kind: PartyOrgKind; villageName: string; stars: OrgStarsView | null }[]
  branches: BranchOverview[]
  /** confirmed sheets waiting for the town to post */
  sheetsToPost: { branchId: string; branchName: string; year: string }[]
  settings: PartySettings
}

/**
 * 评星设置 as the one who sets them sees them: a town's (its own adjustment, else the county's) or the
 * county's own. A town that adjusted them keeps its own; the county sees which towns did.
 */
export interface PartySettingsView {
  /** whose settings: the town's or the county's name */
  placeName: string
  level: 'town' | 'county'
  settings: PartySettings
  /** for the county: the towns that keep their own adjustment and so do not follow the county's */
  townsAdjusted: string[]
}

export interface VillagePartyView {
  orgs: { orgId: string; name: string; kind: PartyOrgKind; stars: OrgStarsView | null; branches: string[] }[]
}

export type PartyRoleName = 'branchSecretary' | 'partyClerk' | 'townPartyAdmin'

/** What a village cadre, town or county administrator may grant of the party roles, where, and who holds them. */
export interface PartyRolesView {
  grantable: PartyRoleName[]
  /** the branches (支部书记, 党务管理员) and towns (镇党委管理员) the caller may grant on */
  branches: { id: string; name: string; villageName: string }[]
  towns: { id: string; name: string }[]
  grants: GrantView[]
}
