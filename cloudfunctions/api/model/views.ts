import type { EntryView, HouseholdSummary, RuleView } from '../../../core/contract/views'
import type { EntryDoc, HouseholdDoc, RuleDoc } from './documents'

/** Documents as the pages see them. */

export const toEntryView = (e: EntryDoc): EntryView => ({
  id: e._id,
  points: e.points,
  kind: e.kind,
  title: e.rule?.title ?? e.note,
  category: e.rule?.category ?? '',
  note: e.note,
  at: e.at,
  byName: e.byName,
  evidence: e.evidence,
  ...(e.correctsId ? { correctsId: e.correctsId } : {})
})

export const toRuleView = (r: RuleDoc): RuleView => ({
  id: r._id,
  category: r.category,
  title: r.title,
  points: r.points,
  cap: r.cap,
  evidenceRequired: r.evidenceRequired,
  proposers: r.proposers,
  active: r.active,
  version: r.version
})

/** `month` is the current month key: points of an earlier month are not this month's. */
export const toHouseholdSummary = (h: HouseholdDoc, month: string, groupName = ''): HouseholdSummary => ({
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  groupName,
  balance: h.balance,
  earned: h.earned,
  monthPoints: h.monthKey === month ? h.monthPoints : 0,
  caps: h.caps ?? {}
})
