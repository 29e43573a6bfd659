import type { LedgerState } from '../../../core/domain/ledger'
import type { EntryView } from '../../../core/contract/views'
import type {
  MemberCategory,
  PartyOrgKind,
  PartyPostingState,
  PartyRuleTerms,
  PartySettings,
  RatingRow,
  RatingState
} from '../../../core/domain/party'
import type { PendingState } from '../../../core/domain/workflow'
import type { LedgerEntryFields } from './documents'

/** The stored documents of party work (党员积分评星); see docs/party.md. */

/** A village's party organisation (党委/党总支/党支部) or a branch under it; `parentId` is null for the organisation. */
export interface PartyOrgDoc {
  _id: string
  kind: PartyOrgKind
  name: string
  villageId: string
  townId: string
  parentId: string | null
}

/**
 * A party member: the account `member:<id>` of the ledger. The ledger keeps the LedgerState fields,
 * this quarter's points and the latest entries in the same transaction as each entry.
 */
export interface MemberDoc extends LedgerState {
  _id: string
  name: string
  villageId: string
  townId: string
  orgId: string
  branchId: string
  category: MemberCategory
  /** 老弱病残 members the branch exempts from the annual rating (免评) */
  exempt: boolean
  /** the household the member lives in, when known: its card shows 共产党员户 and the member's star */
  householdId: string | null
  /** the WeChat user bound with the branch's code */
  openid: string | null
  quarterKey: string
  quarterPoints: number
  latest: EntryView[]
  active: boolean
  createdAt: number
}

/** A branch's party rule (adopted from the town's or county's template, or its own). */
export interface PartyRuleDoc extends PartyRuleTerms {
  _id: string
  branchId: string
  active: boolean
  version: number
  source: string | null
  updatedAt: number
}

export interface PartyRuleSnapshot extends PartyRuleTerms {
  id: string
  version: number
}

/** The county's template (settings and rules per category) or a town's adjustment of its settings. */
export interface PartyTemplateDoc {
  _id: string
  ownerId: string
  name: string
  settings: PartySettings
  items: (PartyRuleTerms & { key: string })[]
  updatedAt: number
}

/** A party member's entry: the same `entries` collection as households', account `member:<id>`. */
export interface MemberEntryDoc extends LedgerEntryFields<PartyRuleSnapshot> {
  memberId: string
  branchId: string
  /** the member's category when scored: a later change of category keeps this entry as it was */
  memberCategory: MemberCategory
  /** the act (award, meeting, approval, correction) that wrote it */
  actId: string
  quarter: string
}

export type MemberLineStatus = 'applied' | 'capped' | 'notApplicable'

/** One act on members' accounts, written in the ledger's transaction: what it did, for a retry to find. */
export interface PartyActDoc {
  _id: string
  kind: 'award' | 'meeting' | 'approval' | 'correction'
  requestKey: string
  branchId: string
  villageId: string
  title: string
  note: string
  evidence: string[]
  /** meetings: who was there and who was absent without leave */
  present: string[]
  absent: string[]
  lines: { memberId: string; name: string; entryId: string; points: number; status: MemberLineStatus }[]
  by: string
  byName: string
  at: number
}

/** A member's claim (申报), reviewed by the branch's officers. */
export interface PartyClaimDoc {
  _id: string
  state: PendingState
  memberId: string
  memberName: string
  branchId: string
  villageId: string
  rule: PartyRuleSnapshot
  points: number
  description: string
  evidence: string[]
  by: string
  at: number
  resolvedAt: number | null
  resolvedByName: string | null
  reason: string | null
  entryId: string | null
}

/** A quarter's scores posted in the branch (`<branchId>:<quarter>`), a snapshot of every member's points. */
export interface QuarterPostingDoc {
  _id: string
  branchId: string
  villageId: string
  quarter: string
  rows: { memberId: string; name: string; category: MemberCategory; points: number }[]
  state: PartyPostingState
  at: number
  until: number
  byName: string
}

/** An objection of a member to an entry of theirs while their branch's quarter is posted. */
export interface PartyObjectionDoc {
  _id: string
  entryId: string
  memberId: string
  memberName: string
  branchId: string
  villageId: string
  title: string
  points: number
  reason: string
  state: 'open' | 'upheld' | 'dismissed'
  reply: string
  at: number
  resolvedAt: number | null
}

/** The branch's annual rating sheet (`<branchId>:<year>`): one row per member, one state for all. */
export interface RatingSheetDoc {
  _id: string
  branchId: string
  branchName: string
  villageId: string
  townId: string
  year: string
  settings: PartySettings
  state: RatingState
  rows: RatingRowDoc[]
  enteredAt: number
  confirmedAt: number | null
  postedAt: number | null
  until: number | null
}

/** A member's row is stored as the rating computes it. */
export type RatingRowDoc = RatingRow

/** The town's stars for a village's party organisation (`<orgId>:<year>`), posted then final. */
export interface OrgRatingDoc {
  _id: string
  orgId: string
  orgName: string
  villageId: string
  townId: string
  year: string
  stars: number
  reason: string
  state: PartyPostingState
  at: number
  until: number
  byName: string
}

/** A code a branch gives a member to bind their WeChat user (like a household's 入户码). */
export interface MemberCodeDoc {
  _id: string
  memberId: string
  branchId: string
  villageId: string
  expiresAt: number
  at: number
}
