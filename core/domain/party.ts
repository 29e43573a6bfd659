import type { CapPeriod } from './rules'

/**
 * 党员积分评星: party members are scored by rules of their category on a 100-point scale (a base
 * plus items, capped, plus the year's 民主评议), and rated with stars at year end. Pure rules here;
 * the points themselves go through the same ledger as households' (account `member:<id>`).
 */

/** 党组织: the village's organisation (党委, 党总支 or 党支部) and the branches (党支部) under it. */
export type PartyOrgKind = 'committee' | 'generalBranch' | 'branch'
export const PARTY_ORG_NAMES: Record<PartyOrgKind, string> = {
  committee: '党委',
  generalBranch: '党总支',
  branch: '党支部'
}

export const MEMBER_CATEGORIES = ['employed', 'unemployed', 'mobile', 'infirm'] as const
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number]
export const MEMBER_CATEGORY_NAMES: Record<MemberCategory, string> = {
  employed: '在职党员',
  unemployed: '无职党员',
  mobile: '流动党员',
  infirm: '老弱病残'
}
/** Only 老弱病残 members may be exempted from the annual rating (免评) by their branch. */
export const mayBeExempt = (category: MemberCategory) => category === 'infirm'

/** The groups of party rules, as county schemes publish them. */
export const PARTY_RULE_GROUPS = ['组织生活', '承诺践诺', '服务群众', '先锋作用', '遵规守纪'] as const
export type PartyRuleGroup = (typeof PARTY_RULE_GROUPS)[number]

/** 三会一课 and 主题党日: meetings whose attendance list scores every member present in one act. */
export type MeetingKind = 'threeMeetings' | 'partyDay'
export const MEETING_NAMES: Record<MeetingKind, string> = { threeMeetings: '三会一课', partyDay: '主题党日' }

/** The terms of one party rule; an entry keeps them as its snapshot. */
export interface PartyRuleTerms {
  group: PartyRuleGroup
  title: string
  /** allowed points per entry; min == max for a fixed value; negative for deductions */
  points: { min: number; max: number }
  cap: { period: CapPeriod; max: number } | null
  evidenceRequired: boolean
  /** the categories this rule applies to */
  categories: MemberCategory[]
  /** members may claim (申报) it themselves; officers review */
  claimable: boolean
  /** attendance of this meeting kind is scored by this rule; null: not a meeting rule */
  meeting: MeetingKind | null
}

/** Only the terms of a rule (a stored rule or a view carries its id and version besides). */
export const partyRuleTerms = (r: PartyRuleTerms): PartyRuleTerms => ({
  group: r.group,
  title: r.title,
  points: r.points,
  cap: r.cap,
  evidenceRequired: r.evidenceRequired,
  categories: r.categories,
  claimable: r.claimable,
  meeting: r.meeting
})

/**
 * Settings of the county's party template, which a town may adjust for its branches: the base every
 * member starts the year with, the most 民主评议 adds, the scale's top, and the totals needed for
 * 1…5 stars (below the first: 不合格).
 */
export interface PartySettings {
  baseScore: number
  reviewMax: number
  scaleMax: number
  starThresholds: number[]
  /** days a quarter's scores are posted in the branch, and the annual rating by the town */
  quarterPostingDays: number
  ratingPostingDays: number
}

export const DEFAULT_PARTY_SETTINGS: PartySettings = {
  baseScore: 60,
  reviewMax: 20,
  scaleMax: 100,
  starThresholds: [60, 70, 80, 90, 96],
  quarterPostingDays: 7,
  ratingPostingDays: 5
}

/** Why these settings cannot be used, or null. */
export function settingsProblem(s: PartySettings): string | null {
  if (s.starThresholds.length !== 5) return '要设5个星级的分数线'
  for (let i = 1; i < s.starThresholds.length; i++)
    if (s.starThresholds[i] <= s.starThresholds[i - 1]) return '星级分数线要从低到高'
  if (s.starThresholds[4] > s.scaleMax) return '五星分数线不能超过满分'
  if (s.baseScore > s.scaleMax) return '基础分不能超过满分'
  return null
}

/** Stars 1–5 from a year's total; 0 is 不合格 (below the first threshold). */
export function memberStars(total: number, thresholds: readonly number[]): number {
  let stars = 0
  for (const needed of thresholds) if (total >= needed) stars++
  return stars
}

/** The year's total: base + the year's points + 民主评议, kept within 0…scaleMax. */
export function yearTotal(settings: PartySettings, yearPoints: number, review: number): number {
  return Math.max(0, Math.min(settings.scaleMax, settings.baseScore + yearPoints + review))
}

export type RatingOutcome = { exempt: true } | { exempt: false; total: number; stars: number; failed: boolean }

export function rate(
  settings: PartySettings,
  member: { exempt: boolean },
  yearPoints: number,
  review: number
): RatingOutcome {
  if (member.exempt) return { exempt: true }
  const total = yearTotal(settings, yearPoints, review)
  const stars = memberStars(total, settings.starThresholds)
  return { exempt: false, total, stars, failed: stars === 0 }
}

/** A member as the annual rating lists them. */
export interface RatedMember {
  _id: string
  name: string
  category: MemberCategory
  householdId: string | null
  exempt: boolean
}

/** A member's line of the annual rating: the year's points and 民主评议 score, totalled and starred. */
export interface RatingRow {
  memberId: string
  name: string
  category: MemberCategory
  householdId: string | null
  exempt: boolean
  points: number
  review: number
  /** 0 for an exempt member, as are the stars */
  total: number
  stars: number
}

export function ratingRow(settings: PartySettings, member: RatedMember, yearPoints: number, review: number): RatingRow {
  const outcome = rate(settings, member, yearPoints, review)
  return {
    memberId: member._id,
    name: member.name,
    category: member.category,
    householdId: member.householdId,
    exempt: member.exempt,
    points: yearPoints,
    review,
    total: outcome.exempt ? 0 : outcome.total,
    stars: outcome.exempt ? 0 : outcome.stars
  }
}

export const starWord = (o: RatingOutcome): string => (o.exempt ? '免评' : o.failed ? '不合格' : `${o.stars}星`)

/**
 * 年度评星: the branch enters the 民主评议 scores (entered, again as often as needed), confirms the
 * sheet, the town posts it for `ratingPostingDays`, then it is final. Past years stay as they were.
 */
export type RatingState = 'entered' | 'confirmed' | 'posted' | 'final'
const RATING: Record<RatingState, RatingState[]> = {
  entered: ['entered', 'confirmed'],
  confirmed: ['entered', 'posted'],
  posted: ['final'],
  final: []
}
export const canMoveRating = (from: RatingState, to: RatingState) => RATING[from].includes(to)
export const RATING_STATE_NAMES: Record<RatingState, string> = {
  entered: '已录入',
  confirmed: '支部已确认',
  posted: '公示中',
  final: '已生效'
}

/** A quarter's posting in the branch, and the town's rating of an organisation: posted, then final. */
export type PartyPostingState = 'posted' | 'final'
export const isFinal = (state: PartyPostingState | RatingState, until: number, now: number) =>
  state === 'final' || (state === 'posted' && until <= now)

/** The organisation's stars given by the town: 1–5 with a reason. */
export const ORG_STARS_MAX = 5

/** A bind code for a member: 8 characters without 0/O/1/I, like a household's 入户码. */
export const BIND_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const BIND_CODE_DAYS = 7

/** The most members one meeting record may list (present and absent together). */
export const MEETING_MEMBERS_MAX = 200
