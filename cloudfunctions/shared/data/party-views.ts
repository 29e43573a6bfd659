import type {
  MemberRow,
  MemberStar,
  OrgStarsView,
  PartyActView,
  PartyClaimView,
  PartyObjectionView,
  PartyRuleView,
  QuarterPostingView,
  RatingSheetView
} from '../../../core/contract/party-views'
import { partyRuleTerms } from '../../../core/domain/party'
import { periodKeys } from '../../../core/domain/period'
import type {
  MemberDoc,
  OrgRatingDoc,
  PartyActDoc,
  PartyClaimDoc,
  PartyObjectionDoc,
  PartyOrgDoc,
  PartyRuleDoc,
  QuarterPostingDoc,
  RatingSheetDoc
} from './party-documents'

/** Party documents as the pages see them: every mapper from a stored party document to a view, in one place. */

export const toPartyRuleView = (r: PartyRuleDoc): PartyRuleView => ({
  id: r._id,
  version: r.version,
  ...partyRuleTerms(r),
  active: r.active
})

export function toMemberRow(m: MemberDoc, now: number): MemberRow {
  const keys = periodKeys(now)
  const quarterPoints = m.quarterKey === keys.quarter ? m.quarterPoints : 0
  return {
    memberId: m._id,
    name: m.name,
    category: m.category,
    exempt: m.exempt,
    householdId: m.householdId,
    bound: Boolean(m.openid),
    yearPoints: m.yearKey === keys.year ? m.yearPoints : 0,
    quarterPoints,
    scoredThisQuarter: m.quarterKey === keys.quarter
  }
}

export const toClaimView = (c: PartyClaimDoc): PartyClaimView => ({
  id: c._id,
  state: c.state,
  memberId: c.memberId,
  memberName: c.memberName,
  ruleTitle: c.rule.title,
  points: c.points,
  range: c.rule.points,
  description: c.description,
  evidence: c.evidence,
  at: c.at,
  reason: c.reason
})

export const toActView = (a: PartyActDoc): PartyActView => ({
  id: a._id,
  title: a.title,
  at: a.at,
  lines: a.lines.map(l => ({ memberId: l.memberId, name: l.name, points: l.points, status: l.status })),
  applied: a.lines.filter(l => l.status === 'applied').length,
  skipped: a.lines.filter(l => l.status !== 'applied').length
})

export const toPartyObjectionView = (o: PartyObjectionDoc): PartyObjectionView => ({
  id: o._id,
  entryId: o.entryId,
  memberName: o.memberName,
  title: o.title,
  points: o.points,
  reason: o.reason,
  state: o.state,
  reply: o.reply,
  at: o.at
})

export const toQuarterView = (p: QuarterPostingDoc, branchName: string, now: number): QuarterPostingView => ({
  id: p._id,
  branchName,
  quarter: p.quarter,
  rows: p.rows,
  state: p.state === 'posted' && p.until <= now ? 'final' : p.state,
  until: p.until
})

export const toSheetView = (s: RatingSheetDoc, now: number): RatingSheetView => ({
  branchId: s.branchId,
  branchName: s.branchName,
  year: s.year,
  state: s.state === 'posted' && (s.until ?? Infinity) <= now ? 'final' : s.state,
  until: s.until,
  settings: s.settings,
  rows: s.rows.map(r => ({
    memberId: r.memberId,
    name: r.name,
    category: r.category,
    exempt: r.exempt,
    points: r.points,
    review: r.review,
    total: r.total,
    stars: r.stars
  }))
})

export const toOrgStarsView = (r: OrgRatingDoc, kind: PartyOrgDoc['kind'], now: number): OrgStarsView => ({
  orgId: r.orgId,
  orgName: r.orgName,
  kind,
  year: r.year,
  stars: r.stars,
  reason: r.reason,
  state: r.state === 'posted' && r.until <= now ? 'final' : r.state,
  until: r.until
})

/** The member's row of a sheet the town has posted (a member does not see a sheet still being entered). */
export function toMemberStars(sheet: RatingSheetDoc, memberId: string, now: number): MemberStar[] {
  if (sheet.state !== 'posted' && sheet.state !== 'final') return []
  const row = sheet.rows.find(r => r.memberId === memberId)
  if (!row) return []
  const final = sheet.state === 'final' || (sheet.until ?? 0) <= now
  return [
    { year: sheet.year, stars: row.stars, exempt: row.exempt, total: row.total, state: final ? 'final' : 'posted' }
  ]
}
