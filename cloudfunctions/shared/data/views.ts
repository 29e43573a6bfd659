import type {
  EntryView,
  GoodsView,
  GrantView,
  GridLogView,
  HouseholdSummary,
  IssueView,
  JoinCodeView,
  NoticeView,
  ObjectionView,
  OrderView,
  PendingView,
  PostingView,
  RankingRow,
  RuleView,
  ServiceView
} from '../../../core/contract/views'
import type { ImportProgress, WideRankingRow } from '../../../core/contract/county'
import { DAY_MS, ISSUE_DUE_DAYS } from '../../../core/domain/workflow'
import { ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { boughtInPeriod } from '../../../core/domain/shop'
import { starLevel } from '../../../core/domain/stars'
import type {
  EntryDoc,
  GoodsDoc,
  GrantDoc,
  GridLogDoc,
  HouseholdDoc,
  ImportDoc,
  IssueDoc,
  JoinCodeDoc,
  NoticeDoc,
  ObjectionDoc,
  OrderDoc,
  PendingDoc,
  PlaceDoc,
  PostingDoc,
  RuleDoc,
  ServiceDoc
} from './documents'
import type { MemberEntryDoc } from './party-documents'

/** Documents as the pages see them: every mapper from a stored document to a view, in one place. */

/** A household's or a party member's entry: a party rule's group stands where a rule's category does. */
export const toEntryView = (e: EntryDoc | MemberEntryDoc): EntryView => ({
  id: e._id,
  points: e.points,
  kind: e.kind,
  title: e.rule?.title ?? e.note,
  category: !e.rule ? '' : 'category' in e.rule ? e.rule.category : e.rule.group,
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

export const toJoinCodeView = (c: JoinCodeDoc): JoinCodeView => ({
  code: c._id,
  householdId: c.householdId,
  expiresAt: c.expiresAt,
  revoked: c.revoked
})

export const toPendingView = (p: PendingDoc): PendingView => ({
  id: p._id,
  kind: p.kind,
  state: p.state,
  householdId: p.householdId,
  doorPlate: p.doorPlate,
  head: p.head,
  ruleTitle: p.rule.title,
  category: p.rule.category,
  points: p.points,
  range: p.rule.points,
  description: p.description,
  evidence: p.evidence,
  byName: p.byName,
  at: p.at,
  ...(p.resolvedByName ? { resolvedByName: p.resolvedByName } : {}),
  ...(p.reason ? { reason: p.reason } : {}),
  ...(p.approvedPoints !== null ? { approvedPoints: p.approvedPoints } : {})
})

export const toGridLogView = (l: GridLogDoc): GridLogView => ({
  id: l._id,
  type: l.type,
  at: l.at,
  place: l.place,
  households: l.households,
  photos: l.photos,
  note: l.note
})

export const toPostingView = (p: PostingDoc): PostingView => ({
  entryId: p._id,
  householdId: p.householdId,
  doorPlate: p.doorPlate,
  head: p.head,
  title: p.title,
  category: p.category,
  points: p.points,
  byName: p.byName,
  evidence: p.evidence,
  at: p.at,
  until: p.until,
  state: p.state,
  objections: p.openObjections
})

export const toObjectionView = (o: ObjectionDoc): ObjectionView => ({
  id: o._id,
  entryId: o.entryId,
  doorPlate: o.doorPlate,
  title: o.title,
  points: o.points,
  byName: o.byName,
  reason: o.reason,
  state: o.state,
  reply: o.reply,
  at: o.at
})

/** `household`: the reader's, for what is left for them to buy and whether they can afford it. */
export const toGoodsView = (g: GoodsDoc, household: HouseholdDoc | null, now: number): GoodsView => ({
  id: g._id,
  name: g.name,
  picture: g.picture,
  price: g.price,
  stock: g.stock,
  onShelf: g.onShelf,
  limit: g.limit,
  leftForMe:
    household && g.limit
      ? Math.max(0, g.limit.max - boughtInPeriod({ id: g._id, limit: g.limit }, household.purchases ?? {}, now))
      : null,
  affordable: household ? household.balance >= g.price : false
})

export const toOrderView = (o: OrderDoc): OrderView => ({
  id: o._id,
  householdId: o.householdId,
  doorPlate: o.doorPlate,
  head: o.head,
  goodsId: o.goodsId,
  goodsName: o.goodsName,
  quantity: o.quantity,
  points: o.points,
  state: o.state,
  channel: o.channel,
  byName: o.byName,
  at: o.at,
  collectedAt: o.collectedAt,
  cancelledAt: o.cancelledAt,
  cancelReason: o.cancelReason
})

/** `read`: by the reader's household; `forPublisher`: the read count is shown to those who manage it. */
export const toNoticeView = (n: NoticeDoc, read: boolean, forPublisher: boolean): NoticeView => ({
  id: n._id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  pictures: n.pictures,
  attachments: n.attachments,
  financeRows: n.financeRows,
  placeName: n.placeName,
  pinned: n.pinned,
  withdrawn: n.withdrawn,
  byName: n.byName,
  at: n.at,
  read,
  readCount: forPublisher ? n.readCount : null
})

/** `placeName`: the organisation that offers it, else the town or village whose directory it is in. */
export const toServiceView = (s: ServiceDoc, placeName: string): ServiceView => ({
  id: s._id,
  category: s.category,
  name: s.name,
  purpose: s.purpose,
  who: s.who,
  materials: s.materials,
  where: s.where,
  when: s.when,
  phone: s.phone,
  guide: s.guide,
  placeName
})

export const toIssueView = (i: IssueDoc, now: number): IssueView => ({
  id: i._id,
  category: i.category,
  text: i.text,
  photos: i.photos,
  place: i.place,
  doorPlate: i.doorPlate,
  byName: i.byName,
  state: i.state,
  handlerName: i.handler?.name ?? '',
  replies: i.replies.map(r => ({ byName: r.byName, text: r.text, at: r.at, fromVillager: r.fromVillager })),
  at: i.at,
  overdue: (i.state === 'received' || i.state === 'handling') && now - i.at > ISSUE_DUE_DAYS * DAY_MS,
  rating: i.rating ? { stars: i.rating.stars, word: i.rating.word } : null
})

/** The places a grant is on, as its view names them. */
export const placeIdsOf = (g: RoleGrant): string[] => {
  switch (g.role) {
    case 'countyAdmin':
      return [g.countyId]
    case 'townAdmin':
      return [g.townId]
    case 'cadre':
      return [g.villageId]
    case 'gridWorker':
      return g.gridIds
    case 'villager':
      return [g.householdId]
    case 'partyMember':
    case 'branchSecretary':
    case 'partyClerk':
      return [g.villageId]
    case 'townPartyAdmin':
      return [g.townId]
    case 'orgStaff':
    case 'bankStaff':
      return [g.organisationId]
  }
}

/** `places`: the grant's places by id, for their names. */
export const toGrantView = (g: GrantDoc, places: Map<string, PlaceDoc>): GrantView => ({
  openid: g.openid,
  name: g.name,
  role: g.role,
  label: ROLE_NAMES[g.role],
  placeNames: placeIdsOf(g.grant).map(id => places.get(id)?.name ?? id),
  at: g.at
})

/** `points`: those of the period ranked by; `rank`: the household's place in it. */
/** What a ranking row is made of: a ranking reads only these fields of each household (and `_id`). */
export const RANKED_FIELDS = ['doorPlate', 'head', 'earned', 'village'] as const
export type RankedHousehold = Pick<HouseholdDoc, '_id' | (typeof RANKED_FIELDS)[number]>

export const toRankingRow = (h: RankedHousehold, points: number, rank: number): RankingRow => ({
  rank,
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  points,
  stars: starLevel(h.earned, h.village.starThresholds)
})

export const toWideRankingRow = (h: HouseholdDoc, rank: number): WideRankingRow => ({
  rank,
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  villageName: h.village?.name ?? '',
  earned: h.earned
})

/** 共产党员户 and the member's latest annual star (党员积分评星), from what the household document carries. */
export function partyOnCard(h: HouseholdDoc, now: number) {
  if (!h.members.some(m => m.partyMember) && !h.partyStars) return {}
  const s = h.partyStars
  return {
    party: {
      star: s ? { name: s.name, year: s.year, stars: s.stars, exempt: s.exempt, posting: s.until > now } : null
    }
  }
}

export const toImportProgress = (d: ImportDoc): ImportProgress => ({
  importId: d._id,
  done: d.state === 'done',
  handled: d.handled,
  total: d.total,
  problemCount: d.problemCount,
  householdsAdded: d.householdsAdded,
  householdsChanged: d.householdsChanged,
  householdsUnchanged: d.householdsUnchanged,
  peopleAdded: d.peopleAdded,
  peopleChanged: d.peopleChanged
})
