import type { EntryKind } from '../domain/ledger'
import type { RoleName } from '../domain/roles'
import type { RuleTerms } from '../domain/rules'

/** What the routes return: plain data for the pages, no database documents. */

export interface EntryView {
  id: string
  points: number
  kind: EntryKind
  title: string
  category: string
  note: string
  at: number
  byName: string
  evidence: string[]
  /** a correction names the entry it corrects */
  correctsId?: string
}

export interface HouseholdCard {
  householdId: string
  doorPlate: string
  head: string
  villageName: string
  /** spendable points: the sum of every entry */
  balance: number
  /** points earned by scoring (without the shop): ranks and stars go by it */
  earned: number
  stars: number
  rankInVillage: number
  householdsInVillage: number
  monthPoints: number
  yearPoints: number
  /** days a score stays in the public posting; entries younger than that are shown as 公示中 */
  postingDays: number
  /** 共产党员户: a member of the household is a party member; their latest posted annual star */
  party?: {
    star: { name: string; year: string; stars: number; exempt: boolean; posting: boolean } | null
  }
}

export interface SessionView {
  /** shown to the user as 我的编号, so that the level above can grant them a role */
  openid: string
  name: string
  roles: { role: RoleName; label: string; placeName: string }[]
  largeFont: boolean
  /** the subscribe-message templates the app asks consent for (empty ids: none configured) */
  subscribeTemplates: { points: string; issue: string; order: string }
}

export interface RuleView extends RuleTerms {
  id: string
  active: boolean
  version: number
}

export type RankingPeriod = 'month' | 'year' | 'all'

export interface RankingRow {
  rank: number
  householdId: string
  doorPlate: string
  head: string
  points: number
  stars: number
}

export interface HouseholdSummary {
  householdId: string
  doorPlate: string
  head: string
  groupName: string
  balance: number
  earned: number
  monthPoints: number
  /** what the household has used of capped rules, to show before asking more (core/domain/rules.ts capUse) */
  caps: import('../domain/rules').CapsUsed
}

export interface MemberView {
  name: string
  relation: string
  partyMember: boolean
}

export interface BindingView {
  openid: string
  name: string
  at: number
  /** this WeChat user is the household's head (户主): the one who consents for the household */
  head: boolean
}

export interface JoinCodeView {
  code: string
  householdId: string
  expiresAt: number
  revoked: boolean
}

export interface HouseholdDetail {
  summary: HouseholdSummary
  groupId: string
  gridId: string
  /** the village's groups and grids, to move the household between them */
  places: PlaceOption[]
  members: MemberView[]
  stars: number
  entries: EntryView[]
  bindings: BindingView[]
  joinCodes: JoinCodeView[]
}

export type BatchStatus = 'applied' | 'capped' | 'refused'

export interface BatchLine {
  householdId: string
  status: BatchStatus
  /** for a refusal or cap: the stable code and the Chinese reason */
  code?: string
  message?: string
  balance?: number
}

export interface TemplateView {
  id: string
  ownerId: string
  ownerName: string
  name: string
  items: (RuleTerms & { key: string })[]
  /** the caller may change it (a template of their own town or county); others' they can only read */
  editable: boolean
}

/** Roles another person can be given: the grant as the grantor sees it. */
export type GrantableRole = 'countyAdmin' | 'townAdmin' | 'cadre' | 'gridWorker'

export interface GrantView {
  openid: string
  name: string
  role: RoleName
  label: string
  placeNames: string[]
  at: number
}

export interface PlaceOption {
  id: string
  name: string
  kind: 'county' | 'town' | 'village' | 'group' | 'grid'
}

export interface PendingView {
  id: string
  kind: 'claim' | 'proposal'
  state: import('../domain/workflow').PendingState
  householdId: string
  doorPlate: string
  head: string
  ruleTitle: string
  category: string
  /** the points asked for, and the rule's range a reviewer may approve within */
  points: number
  range: { min: number; max: number }
  description: string
  evidence: string[]
  byName: string
  at: number
  resolvedByName?: string
  reason?: string
  approvedPoints?: number
}

export interface GridLogView {
  id: string
  type: import('../domain/workflow').GridLogType
  at: number
  place: string
  households: { id: string; doorPlate: string; head: string }[]
  photos: string[]
  note: string
}

export interface PostingView {
  entryId: string
  householdId: string
  doorPlate: string
  head: string
  title: string
  category: string
  points: number
  byName: string
  evidence: string[]
  at: number
  until: number
  state: import('../domain/workflow').PostingState
  objections: number
}

export interface ObjectionView {
  id: string
  entryId: string
  doorPlate: string
  title: string
  points: number
  byName: string
  reason: string
  state: import('../domain/workflow').ObjectionState
  reply: string
  at: number
}

/** One field an act changed, in the words of the page: 状态 待领取 → 已领取. */
export interface AuditChange {
  label: string
  before: string | null
  after: string | null
}

export interface AuditView {
  id: string
  actorName: string
  action: string
  label: string
  /** the record as a sentence: when, who, what, on what (a door plate with its head, a name, a title) */
  sentence: string
  changes: AuditChange[]
  /** as stored, for exports; pages show `sentence` and `changes` */
  target: string
  before: unknown
  after: unknown
  at: number
}

export interface GoodsView {
  id: string
  name: string
  picture: string
  price: number
  stock: number
  onShelf: boolean
  limit: { period: 'month' | 'quarter' | 'year'; max: number } | null
  /** for a villager: how many more their household may take in this period (null: no limit) */
  leftForMe: number | null
  /** for a villager: whether their balance covers one */
  affordable: boolean
}

export interface OrderView {
  id: string
  householdId: string
  doorPlate: string
  head: string
  goodsId: string
  goodsName: string
  quantity: number
  points: number
  state: import('../domain/shop').OrderState
  channel: 'online' | 'desk'
  byName: string
  at: number
  collectedAt: number | null
  cancelledAt: number | null
  cancelReason: string
}

/** What a household's code shows to anyone of its village. */
export interface PublicHousehold {
  householdId: string
  doorPlate: string
  head: string
  villageName: string
  earned: number
  stars: number
  /** a cadre of the village may act on the household (score, redeem); nobody else */
  canAct: boolean
  /** for a cadre: the household's balance and its orders waiting to be collected */
  balance: number | null
  openOrders: OrderView[]
}

export interface HouseholdCode {
  householdId: string
  doorPlate: string
  head: string
  /** the code image: a cloud fileID and a URL to show it */
  fileID: string
  url: string
}

export interface NoticeView {
  id: string
  kind: import('../domain/workflow').NoticeKind
  title: string
  body: string
  pictures: string[]
  attachments: { fileID: string; name: string }[]
  /** finance notices: the amounts, one row per item */
  financeRows: { item: string; amount: number }[]
  placeName: string
  pinned: boolean
  withdrawn: boolean
  byName: string
  at: number
  /** for a villager: whether their household has read it */
  read: boolean
  /** for the publisher: how many households have read it */
  readCount: number | null
}

export interface IssueView {
  id: string
  category: string
  text: string
  photos: string[]
  place: string
  doorPlate: string
  byName: string
  state: import('../domain/workflow').IssueState
  handlerName: string
  replies: { byName: string; text: string; at: number; fromVillager: boolean }[]
  at: number
  overdue: boolean
  rating: { stars: number; word: string } | null
}

export interface ServiceView {
  id: string
  category: string
  name: string
  purpose: string
  who: string
  materials: string[]
  where: string
  when: string
  phone: string
  guide: string
  /** the town's directory, or the village's own addition */
  placeName: string
}
