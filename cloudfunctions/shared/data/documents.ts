import type { EntryKind, LedgerState } from '../../../core/domain/ledger'
import type { AuditAction } from '../../../core/contract/audit-actions'
import type { ImportCounts } from '../../../core/contract/county'
import type { VillageStatsDoc } from '../village-figures'
import type { BranchStatsDoc } from '../party-stats'
import type { RoleGrant } from '../../../core/domain/roles'
import type {
  MemberCodeDoc,
  MemberDoc,
  MemberEntryDoc,
  OrgRatingDoc,
  PartyActDoc,
  PartyClaimDoc,
  PartyObjectionDoc,
  PartyOrgDoc,
  PartyRuleDoc,
  PartyTemplateDoc,
  QuarterPostingDoc,
  RatingSheetDoc
} from './party-documents'
import type {
  ActivityDoc,
  BallotDoc,
  ConsentDoc,
  CreditViewDoc,
  OrganisationDoc,
  SignupDoc,
  VoteDoc
} from './participation-documents'
import type { RuleTerms } from '../../../core/domain/rules'
import type { TreeHead } from '../../../core/domain/seal'
import type { EntryView } from '../../../core/contract/views'
import type {
  GridLogType,
  IssueState,
  NoticeKind,
  ObjectionState,
  PendingState,
  PostingState
} from '../../../core/domain/workflow'
import type { GoodsTerms, OrderState, Purchases } from '../../../core/domain/shop'

/** The documents of the product's collections (core/collections.json), as stored. */

export interface PlaceDoc {
  _id: string
  kind: 'county' | 'town' | 'village' | 'group' | 'grid'
  name: string
  parentId: string | null
  /** villages only */
  starThresholds?: number[]
  householdCount?: number
  postingDays?: number
  /** people in the archive of the village (纳入管理人数), kept by the register's import */
  peopleCount?: number
  /** 户籍户数: the official number of households, entered by the town; coverage divides by it */
  registeredHouseholds?: number
  /** the hourly recount of the village's state (shared/village-figures.ts) */
  figures?: import('../village-figures').VillageSnapshot
}

/** A person of a household as the household keeps them; imported ones carry masked numbers only. */
export interface HouseholdMember {
  name: string
  relation: string
  partyMember: boolean
  gender?: string
  birthYear?: number | null
  /** the last 4 characters of the ID number, never more */
  idLast4?: string
  /** 138****5678 */
  phoneMasked?: string
}

/**
 * A person (纳入管理的人), one document each so that people can be counted and one person found in two
 * households: by the keyed hash of their ID number (register/privacy.ts), never the number itself.
 */
export interface PersonDoc extends HouseholdMember {
  _id: string
  householdId: string
  villageId: string
  townId: string
  idHash: string
  updatedAt: number
}

/** What a household shows of its village on the home card, copied from the village on change. */
export interface VillageFacts {
  name: string
  starThresholds: number[]
  householdCount: number
  /** days an entry stays in the public posting (公示); 0: not posted */
  postingDays: number
}

export interface HouseholdDoc extends LedgerState {
  _id: string
  villageId: string
  townId: string
  groupId: string
  gridId: string
  doorPlate: string
  /** the door plate in natural order (core/domain/door-plate.ts); lists of households order by it */
  plateOrder?: string
  head: string
  members: HouseholdMember[]
  village: VillageFacts
  /** the newest entries, kept by the ledger, so the home card needs no query of the ledger */
  latest: EntryView[]
  /** the shop's per-household counts of limited goods in their current period */
  purchases?: Purchases
  /** the household code's image, made once (一户一码) */
  codeFile?: string
  /** the openids bound to the household as its villagers, kept with their grants: whom to tell */
  boundUsers?: string[]
  /**
   * the bound user recognised as the head (户主), who alone consents for the household
   * (services/household-head.ts); null: none of them; absent: bound before heads were kept
   */
  headUser?: string | null
  /**
   * true: a cadre marked `headUser` by hand (binding.setHead). The mark stands when the head's name is
   * edited, until the cadre marks another or that user is unbound; a head found by name is found again.
   */
  headMarked?: boolean
  /** a party member of the household and their latest posted or final annual star (党员积分评星) */
  partyStars?: { memberId: string; name: string; year: string; stars: number; exempt: boolean; until: number }
}

/** The snapshot of a rule an entry keeps: editing or retiring the rule later changes no history. */
export interface RuleSnapshot extends RuleTerms {
  id: string
  version: number
}

/**
 * What every entry of the ledger's one `entries` collection holds, a household's (EntryDoc) or a party
 * member's (MemberEntryDoc, party-documents.ts); `Rule` is the snapshot of the rule it was scored by.
 */
export interface LedgerEntryFields<Rule> {
  _id: string
  /** whose points: "household:<id>" or "member:<id>" */
  account: string
  villageId: string
  kind: EntryKind
  points: number
  rule: Rule | null
  /** the period the rule's cap counts this entry in (a correction: its corrected entry's), or null */
  capPeriod: string | null
  correctsId: string | null
  note: string
  evidence: string[]
  by: string
  byName: string
  /** hash of (actor, request id): tells a retry of this request from another request meeting the same id */
  requestKey: string
  at: number
  month: string
  year: string
}

export interface EntryDoc extends LedgerEntryFields<RuleSnapshot> {
  householdId: string
}

export interface RuleDoc extends RuleTerms {
  _id: string
  villageId: string
  active: boolean
  version: number
  /** "<templateId>/<key>" when adopted from a template */
  source: string | null
  updatedAt: number
}

export interface TemplateDoc {
  _id: string
  ownerId: string
  name: string
  items: (RuleTerms & { key: string })[]
  updatedAt: number
  by: string
}

export interface JoinCodeDoc {
  _id: string // the code
  householdId: string
  villageId: string
  expiresAt: number
  revoked: boolean
  by: string
  at: number
}

/**
 * One role of one user, for listing who holds what where (the user document's `roles` is what
 * identity reads). `_id` is "<openid>:<role>": a user holds each role at most once.
 */
export interface GrantDoc {
  _id: string
  openid: string
  name: string
  role: RoleGrant['role']
  grant: RoleGrant
  countyId: string
  townId: string | null
  villageId: string | null
  householdId: string | null
  by: string
  at: number
}

/** A claim (by a villager) or proposal (by a grid worker): points asked for, not yet in any balance. */
export interface PendingDoc {
  _id: string
  kind: 'claim' | 'proposal'
  state: PendingState
  householdId: string
  villageId: string
  doorPlate: string
  /** the door plate in natural order (core/domain/door-plate.ts); lists of households order by it */
  plateOrder?: string
  head: string
  rule: RuleSnapshot
  points: number
  description: string
  evidence: string[]
  logId: string | null
  by: string
  byName: string
  at: number
  resolvedAt: number | null
  resolvedBy: string | null
  resolvedByName: string | null
  reason: string | null
  approvedPoints: number | null
  entryId: string | null
}

export interface GridLogDoc {
  _id: string
  villageId: string
  type: GridLogType
  at: number
  month: string
  place: string
  households: { id: string; doorPlate: string; head: string }[]
  photos: string[]
  note: string
  by: string
  byName: string
  createdAt: number
}

/** An entry in the village's public posting (公示); `_id` is the entry's. */
export interface PostingDoc {
  _id: string
  villageId: string
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
  state: PostingState
  /** objections not yet resolved */
  openObjections: number
}

export interface ObjectionDoc {
  _id: string
  entryId: string
  villageId: string
  doorPlate: string
  title: string
  points: number
  by: string
  byName: string
  reason: string
  state: ObjectionState
  reply: string
  at: number
  resolvedAt: number | null
  resolvedBy: string | null
}

/** Who did what, when, before and after: one record per administrative act. */
export interface AuditDoc {
  _id: string
  /** the village the act was in, or the town or county for acts above villages */
  placeId: string
  actor: string
  actorName: string
  action: AuditAction
  target: string
  before: unknown
  after: unknown
  at: number
}

export interface GoodsDoc extends GoodsTerms {
  _id: string
  villageId: string
  name: string
  picture: string
  updatedAt: number
}

export interface OrderDoc {
  _id: string
  villageId: string
  householdId: string
  doorPlate: string
  head: string
  goodsId: string
  goodsName: string
  /** the goods' limit at the time, so that a cancellation gives back the right period's count */
  limit: GoodsTerms['limit']
  quantity: number
  points: number
  state: OrderState
  channel: 'online' | 'desk'
  by: string
  byName: string
  at: number
  entryId: string
  collectedAt: number | null
  collectedBy: string | null
  cancelledAt: number | null
  cancelledBy: string | null
  cancelReason: string
}

export interface NoticeDoc {
  _id: string
  /** the village, or the town for a notice to all its villages */
  placeId: string
  placeName: string
  kind: NoticeKind
  title: string
  body: string
  pictures: string[]
  attachments: { fileID: string; name: string }[]
  financeRows: { item: string; amount: number }[]
  pinned: boolean
  withdrawn: boolean
  by: string
  byName: string
  at: number
  /** households that have opened it (one read document each: `<notice>:<household>`) */
  readCount: number
  /** published by an organisation on the platform (入驻单位) to a village it serves */
  organisationId?: string
}

export interface IssueDoc {
  _id: string
  villageId: string
  householdId: string
  gridId: string
  doorPlate: string
  category: string
  text: string
  photos: string[]
  place: string
  by: string
  byName: string
  state: IssueState
  handler: { openid: string; name: string } | null
  replies: { by: string; byName: string; text: string; at: number; fromVillager: boolean }[]
  at: number
  answeredAt: number | null
  closedAt: number | null
  rating: { stars: number; word: string; at: number } | null
  /** handed over by a cadre to an organisation of its kind (入驻单位), whose staff then handle it */
  organisationId?: string
}

export interface ServiceDoc {
  _id: string
  /** the town (its directory) or a village (its addition) */
  placeId: string
  category: string
  name: string
  purpose: string
  who: string
  materials: string[]
  where: string
  when: string
  phone: string
  guide: string
  updatedAt: number
  /** an organisation's service (入驻单位), shown under its name */
  organisationId?: string
  organisationName?: string
}

/**
 * A door plate is unique in its village because a document says so: `doorPlates/<village+plate>`
 * names the household that holds it (services/register/door-plates.ts).
 */
export interface DoorPlateDoc {
  _id: string
  villageId: string
  householdId: string
  doorPlate: string
}

/** A register import's progress, so that a call cut short by the time limit resumes where it stopped. */
export interface ImportDoc extends ImportCounts {
  _id: string
  villageId: string
  townId: string
  fileId: string
  by: string
  byName: string
  state: 'running' | 'done'
  handled: number
  total: number
  problemCount: number
  startedAt: number
  updatedAt: number
}

/** A WeChat user the product knows: their name and the roles identity reads on every call. */
export interface UserDoc {
  _id: string // the openid
  name: string
  roles: RoleGrant[]
  largeFont?: boolean
}

/** A household's first reading of a notice; `_id` is "<noticeId>:<householdId>". */
export interface ReadDoc {
  _id: string
  noticeId: string
  householdId: string
  by: string
  at: number
}

/**
 * A write request the router has claimed (running) or answered (done), keyed by caller, route and
 * request id: a retry or a duplicate in flight gets the first call's reply and runs nothing.
 */
export interface RequestDoc {
  _id: string
  route: string
  state: 'running' | 'done'
  data: unknown
  at: number
  /** the hash of what the request sent (router/idempotency.ts); absent on requests stored before it was kept */
  content?: string
}

/** How far one migration has walked one collection (setup/migrations.ts): `<migration>:<collection>`. */
export interface MigrationDoc {
  _id: string
  /** the last document handled, in `_id` order */
  lastId: string
  done: boolean
  updated: number
}

/**
 * An export of all the data of the county or a town (导出全部数据), carried on over several calls
 * (api/services/data-export/): each collection walked by `_id`, one JSON-lines part in storage per
 * batch, then packed into one .zip.
 */
export interface DataExportDoc {
  _id: string
  /** the town exported, or null for the whole county */
  townId: string | null
  placeName: string
  by: string
  byName: string
  state: 'walking' | 'done'
  /** the collection being walked (its place in the export's list) and the last `_id` read in it */
  collectionIndex: number
  lastId: string
  /** the parts written, in order: each a JSON-lines file of one collection */
  parts: { collection: string; fileId: string; lines: number; bytes: number }[]
  fileId: string | null
  fileName: string
  startedAt: number
  updatedAt: number
}

/**
 * A village's sealed day (存证, shared/seals.ts): its published head and its leaves in tree order
 * (entry id, leaf hash hex).
 */
export interface SealDoc extends TreeHead {
  _id: string
  townId: string
  leaves: { id: string; hash: string }[]
}

/** Every collection of core/collections.json and the document type it holds. */
export interface Collections {
  places: PlaceDoc
  users: UserDoc
  households: HouseholdDoc
  entries: EntryDoc
  rules: RuleDoc
  requests: RequestDoc
  templates: TemplateDoc
  joinCodes: JoinCodeDoc
  grants: GrantDoc
  pending: PendingDoc
  gridLogs: GridLogDoc
  postings: PostingDoc
  objections: ObjectionDoc
  audit: AuditDoc
  goods: GoodsDoc
  orders: OrderDoc
  notices: NoticeDoc
  reads: ReadDoc
  issues: IssueDoc
  services: ServiceDoc
  partyOrgs: PartyOrgDoc
  partyMembers: MemberDoc
  partyRules: PartyRuleDoc
  partyTemplates: PartyTemplateDoc
  partyActs: PartyActDoc
  partyClaims: PartyClaimDoc
  partyPostings: QuarterPostingDoc
  partyObjections: PartyObjectionDoc
  ratingSheets: RatingSheetDoc
  orgRatings: OrgRatingDoc
  memberCodes: MemberCodeDoc
  doorPlates: DoorPlateDoc
  people: PersonDoc
  imports: ImportDoc
  villageStats: VillageStatsDoc
  partyBranchStats: BranchStatsDoc
  migrations: MigrationDoc
  votes: VoteDoc
  ballots: BallotDoc
  activities: ActivityDoc
  signups: SignupDoc
  organisations: OrganisationDoc
  consents: ConsentDoc
  creditViews: CreditViewDoc
  seals: SealDoc
  dataExports: DataExportDoc
}

/** What a collection stores: the ledger's entries are households' and party members' alike. */
export type Stored<C extends CollectionName> = C extends 'entries' ? EntryDoc | MemberEntryDoc : Collections[C]

export type CollectionName = keyof Collections
