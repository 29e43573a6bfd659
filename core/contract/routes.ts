import { z } from 'zod'
import { CATEGORIES } from '../domain/rules'
import { trustRoutes } from './trust-routes'
import { AUDIT_ACTION_NAMES } from './audit-actions'
import type {
  ServiceView,
  IssueView,
  NoticeView,
  GoodsView,
  HouseholdCode,
  OrderView,
  PublicHousehold,
  AuditView,
  GridLogView,
  ObjectionView,
  PendingView,
  PostingView,
  BatchLine,
  EntryView,
  GrantView,
  HouseholdCard,
  HouseholdDetail,
  HouseholdSummary,
  JoinCodeView,
  MemberView,
  PlaceOption,
  RankingRow,
  RuleView,
  SessionView,
  TemplateView
} from './views'
import { countyRoutes } from './county'
import { dataExportRoutes } from './data-export'
import {
  change,
  empty,
  evidence,
  fileId,
  id,
  list,
  openid,
  page,
  points,
  read,
  required,
  result,
  text,
  timeMs,
  write,
  monthOrAll,
  yearMonthOrAll,
  line,
  requiredLine
} from './schema'

import { partyRoutes } from './party-routes'
import { participationRoutes } from './participation'

export * from './views'
export type { EntryExplained, SealHeadsView } from './trust-routes'
export * from './party-views'
export * from './county'
export * from './participation'
export { requestId, TIME_MS_MAX, TIME_MS_MIN } from './schema'

/**
 * The route table shared by the app and the `api` function: each route's name, input schema and
 * result type, and whether it writes (writes carry a client request id and are idempotent by it).
 * Who may call a route is declared where it is handled (cloudfunctions/api/routes), because it is
 * checked there and only there. No input names the caller, their role or their household.
 */
const ruleTerms = z
  .object({
    category: z.enum(CATEGORIES),
    title: requiredLine(60),
    points: z.object({ min: points, max: points }).strict(),
    cap: z
      .object({ period: z.enum(['month', 'quarter', 'year']), max: z.number().int().min(1).max(10000) })
      .strict()
      .nullable(),
    evidenceRequired: z.boolean(),
    proposers: z
      .array(z.enum(['cadre', 'gridWorker', 'villager']))
      .min(1)
      .max(3)
  })
  .strict()

export const routes = {
  // me and joining
  'me.session': read(empty, result<SessionView>()),
  'me.setPreferences': change(write({ largeFont: z.boolean() }), result<{ largeFont: boolean }>()),
  'join.bind': change(
    write({
      // typed from a note, with spaces or in lower case: both are the same code
      code: z
        .string()
        .toUpperCase()
        .transform(c => c.replace(/\s+/g, ''))
        .pipe(z.string().regex(/^[A-Z2-9]{8}$/, '入户码是8位字母和数字')),
      name: requiredLine(20)
    }),
    result<{ householdId: string; doorPlate: string; villageName: string }>()
  ),

  // what villagers see of their own household and village
  'archive.home': read(empty, result<{ card: HouseholdCard; latest: EntryView[]; members: MemberView[] }>()),
  'archive.history': list(
    z
      .object({
        period: yearMonthOrAll.default('all'),
        page
      })
      .strict(),
    result<{ entries: EntryView[]; page: number; hasMore: boolean; postingDays: number }>()
  ),
  'archive.rules': read(
    empty,
    result<{ rules: RuleView[]; starThresholds: number[]; myCaps: import('../domain/rules').CapsUsed }>()
  ),
  'archive.ranking': list(
    z.object({ period: z.enum(['month', 'year', 'all']).default('month'), page }).strict(),
    result<{ rows: RankingRow[]; page: number; hasMore: boolean; me: RankingRow | null; villageName: string }>()
  ),

  // cadres: households and scoring
  'cadre.households': list(
    z.object({ query: line(20).default(''), page, pageSize: z.number().int().min(1).max(200).optional() }).strict(),
    result<{ households: HouseholdSummary[]; page: number; hasMore: boolean; places: PlaceOption[] }>()
  ),
  'cadre.household': read(z.object({ householdId: id }).strict(), result<HouseholdDetail>()),
  /** a new household of the village (no householdId) or a change to one; never its points */
  'household.save': change(
    write({
      householdId: id.optional(),
      doorPlate: requiredLine(30),
      head: requiredLine(20),
      groupId: id,
      gridId: id,
      members: z
        .array(z.object({ name: requiredLine(20), relation: requiredLine(10), partyMember: z.boolean() }).strict())
        .min(1)
        .max(20)
    }),
    result<{ householdId: string }>()
  ),
  'score.award': change(
    write({ householdId: id, ruleId: id, points, note: text(200).default(''), evidence }),
    result<{ entry: EntryView; balance: number }>()
  ),
  'score.batch': change(
    write({
      householdIds: z.array(id).min(1).max(200, '一次最多200户'),
      ruleId: id,
      points,
      note: text(200).default(''),
      evidence
    }),
    result<{ lines: BatchLine[]; applied: number; capped: number; refused: number }>()
  ),
  /** points: what the entry should have been (0 cancels it); the difference is a new correction entry */
  'score.correct': change(
    write({ entryId: id, points, reason: required(200) }),
    result<{ entry: EntryView; balance: number }>()
  ),

  // cadres: joining households
  'joinCode.issue': change(
    write({ householdId: id, days: z.number().int().min(1).max(30).default(7) }),
    result<JoinCodeView>()
  ),
  'joinCode.revoke': change(write({ code: z.string().regex(/^[A-Z2-9]{8}$/) }), result<JoinCodeView>()),
  'binding.remove': change(write({ householdId: id, openid }), result<{ removed: boolean }>()),
  /** which of the household's bound WeChat users is its head (户主), who may consent for the household */
  'binding.setHead': change(write({ householdId: id, openid }), result<{ changed: boolean }>()),

  // cadres: the village's rule catalogue and star levels
  'rules.list': list(empty, result<{ rules: RuleView[]; starThresholds: number[]; templates: TemplateView[] }>()),
  'rules.save': change(write({ ruleId: id.optional(), terms: ruleTerms }), result<RuleView>()),
  'rules.retire': change(write({ ruleId: id }), result<RuleView>()),
  'rules.adoptTemplate': change(write({ templateId: id }), result<{ added: number; kept: number }>()),
  'village.setStars': change(
    write({ thresholds: z.array(z.number().int().min(1).max(100000)).min(1).max(5) }),
    result<{ thresholds: number[] }>()
  ),

  // town and county: templates and roles
  'templates.list': list(empty, result<{ templates: TemplateView[] }>()),
  'templates.save': change(
    write({
      templateId: id.optional(),
      name: requiredLine(30),
      items: z
        .array(ruleTerms.extend({ key: z.string().regex(/^[a-z0-9-]{1,24}$/) }))
        .min(1)
        .max(60)
    }),
    result<TemplateView>()
  ),
  'roles.list': list(empty, result<{ grants: GrantView[]; places: PlaceOption[]; grantable: string[] }>()),
  'roles.grant': change(
    write({
      openid,
      name: requiredLine(20),
      role: z.enum(['countyAdmin', 'townAdmin', 'cadre', 'gridWorker']),
      placeIds: z.array(id).min(1).max(10)
    }),
    result<GrantView>()
  ),
  'roles.revoke': change(
    write({ openid, role: z.enum(['countyAdmin', 'townAdmin', 'cadre', 'gridWorker']) }),
    result<{ revoked: boolean }>()
  ),

  // grid workers: logs and proposals for households of their grids
  'grid.households': list(empty, result<{ households: HouseholdSummary[] }>()),
  'grid.logs': list(
    z
      .object({
        type: z.enum(['all', 'patrol', 'visit', 'activity']).default('all'),
        month: monthOrAll.default('all'),
        page
      })
      .strict(),
    result<{ logs: GridLogView[]; page: number; hasMore: boolean }>()
  ),
  'grid.createLog': change(
    write({
      type: z.enum(['patrol', 'visit', 'activity']),
      at: timeMs,
      place: line(60).default(''),
      householdIds: z.array(id).max(50).default([]),
      photos: evidence,
      note: text(500).default('')
    }),
    result<GridLogView>()
  ),
  'grid.propose': change(
    write({
      logId: id.optional(),
      householdIds: z.array(id).min(1).max(50),
      ruleId: id,
      points,
      description: required(200),
      evidence
    }),
    result<{ items: PendingView[] }>()
  ),

  // villagers' claims; the proposer's own list and withdrawal
  'claim.create': change(write({ ruleId: id, points, description: required(200), evidence }), result<PendingView>()),
  'pending.mine': list(z.object({ page }).strict(), result<{ items: PendingView[]; page: number; hasMore: boolean }>()),
  'pending.withdraw': change(write({ pendingId: id }), result<PendingView>()),

  // the cadre's review of claims and proposals
  'review.queue': list(z.object({ page }).strict(), result<{ items: PendingView[]; page: number; hasMore: boolean }>()),
  'review.approve': change(
    write({ pendingId: id, points: points.optional() }),
    result<{ item: PendingView; entry: EntryView }>()
  ),
  'review.reject': change(write({ pendingId: id, reason: required(200) }), result<PendingView>()),

  // public posting (公示) and objections (异议)
  'posting.list': list(
    z.object({ page }).strict(),
    result<{ items: PostingView[]; page: number; hasMore: boolean; postingDays: number }>()
  ),
  'objection.create': change(write({ entryId: id, reason: required(200) }), result<ObjectionView>()),
  'objection.mine': list(empty, result<{ items: ObjectionView[] }>()),
  'objection.queue': list(
    z.object({ page }).strict(),
    result<{ items: ObjectionView[]; page: number; hasMore: boolean }>()
  ),
  /** upheld: the entry is corrected to `points` (0 cancels it); dismissed: it stands */
  'objection.resolve': change(
    write({ objectionId: id, upheld: z.boolean(), reply: required(200), points: points.optional() }),
    result<ObjectionView>()
  ),

  // the audit trail of the caller's village (cadre), town (town administrator) or county (county
  // administrator); `person` finds who acted or what the act was about (a name, a door plate)
  'audit.list': list(
    z
      .object({
        page,
        action: z.enum(AUDIT_ACTION_NAMES).optional(),
        person: line(20).default(''),
        from: timeMs.optional(),
        to: timeMs.optional()
      })
      .strict(),
    result<{ items: AuditView[]; page: number; hasMore: boolean }>()
  ),

  // the points shop
  'shop.goods': list(empty, result<{ goods: GoodsView[]; balance: number | null }>()),
  'shop.saveGoods': change(
    write({
      goodsId: id.optional(),
      name: requiredLine(30),
      picture: z.union([fileId, z.literal('')]).default(''),
      price: z.number().int().min(1).max(100000),
      stock: z.number().int().min(0).max(100000),
      limit: z
        .object({ period: z.enum(['month', 'quarter', 'year']), max: z.number().int().min(1).max(1000) })
        .strict()
        .nullable(),
      onShelf: z.boolean()
    }),
    result<GoodsView>()
  ),
  'shop.order': change(
    write({ goodsId: id, quantity: z.number().int().min(1).max(10).default(1) }),
    result<OrderView>()
  ),
  'shop.redeemAtDesk': change(
    write({ householdId: id, goodsId: id, quantity: z.number().int().min(1).max(10).default(1) }),
    result<OrderView>()
  ),
  'shop.collect': change(write({ orderId: id }), result<OrderView>()),
  'shop.cancel': change(write({ orderId: id, reason: text(100).default('') }), result<OrderView>()),
  'shop.myOrders': list(z.object({ page }).strict(), result<{ orders: OrderView[]; page: number; hasMore: boolean }>()),
  'shop.orders': list(
    z.object({ state: z.enum(['all', 'ordered', 'collected', 'cancelled']).default('ordered'), page }).strict(),
    result<{ orders: OrderView[]; page: number; hasMore: boolean }>()
  ),

  // the household code (一户一码)
  'household.public': read(z.object({ householdId: id }).strict(), result<PublicHousehold>()),
  'household.codes': read(
    z.object({ householdIds: z.array(id).min(1).max(30) }).strict(),
    /** `pending`: households asked for whose code is not made yet (a call makes a few); ask again for them */
    result<{ codes: HouseholdCode[]; pending: string[] }>()
  ),

  // notices and public affairs (通知公告 / 三务公开)
  'notice.publish': change(
    write({
      kind: z.enum(['notice', 'party', 'village', 'finance', 'chronicle']),
      title: requiredLine(60),
      body: text(5000).default(''),
      pictures: z.array(fileId).max(9).default([]),
      attachments: z
        .array(z.object({ fileID: fileId, name: requiredLine(60) }).strict())
        .max(9)
        .default([]),
      financeRows: z
        .array(z.object({ item: requiredLine(40), amount: z.number().finite().min(-1e9).max(1e9) }).strict())
        .max(100)
        .default([]),
      pinned: z.boolean().default(false),
      /** town administrators publish to all the villages of their town */
      toTown: z.boolean().default(false)
    }),
    result<NoticeView>()
  ),
  'notice.withdraw': change(write({ noticeId: id }), result<NoticeView>()),
  'notice.pin': change(write({ noticeId: id, pinned: z.boolean() }), result<NoticeView>()),
  'notice.list': list(z.object({ page }).strict(), result<{ notices: NoticeView[]; page: number; hasMore: boolean }>()),
  /** opening a notice marks it read for the reader's household */
  'notice.open': read(z.object({ noticeId: id }).strict(), result<NoticeView>()),

  // villagers' issues (村民说事)
  'issue.raise': change(
    write({
      category: z.enum(['道路水电', '环境卫生', '邻里纠纷', '社保医保', '农业生产', '建议意见', '其他']),
      text: required(500),
      photos: evidence,
      place: line(60).default('')
    }),
    result<IssueView>()
  ),
  'issue.mine': list(z.object({ page }).strict(), result<{ issues: IssueView[]; page: number; hasMore: boolean }>()),
  'issue.queue': list(
    z.object({ state: z.enum(['open', 'received', 'handling', 'answered', 'closed']).default('open'), page }).strict(),
    result<{ issues: IssueView[]; page: number; hasMore: boolean }>()
  ),
  'issue.take': change(write({ issueId: id }), result<IssueView>()),
  /** a reply; `answer` makes it the answer (handling → answered); a villager's reply is a follow-up */
  'issue.reply': change(
    write({ issueId: id, text: required(500), answer: z.boolean().default(false) }),
    result<IssueView>()
  ),
  'issue.handOver': change(write({ issueId: id, toOpenid: openid }), result<IssueView>()),
  'issue.close': change(write({ issueId: id }), result<IssueView>()),
  'issue.rate': change(
    write({ issueId: id, stars: z.number().int().min(1).max(5), word: text(100).default('') }),
    result<IssueView>()
  ),

  // the service directory (便民服务): the town's, with the village's additions
  'service.list': list(
    z.object({ category: line(20).default(''), query: line(20).default('') }).strict(),
    result<{ services: ServiceView[]; categories: string[] }>()
  ),
  'service.save': change(
    write({
      serviceId: id.optional(),
      category: requiredLine(20),
      name: requiredLine(40),
      purpose: required(200),
      who: text(200).default(''),
      materials: z.array(requiredLine(40)).max(20).default([]),
      where: line(60).default(''),
      when: line(60).default(''),
      phone: z
        .string()
        .regex(/^[0-9-]{0,20}$/, '电话只能是数字')
        .default(''),
      guide: text(500).default('')
    }),
    result<ServiceView>()
  ),

  // trust: seals, the ledger export, one entry explained, fairness (issue 16)
  ...trustRoutes,

  // party members' points and annual stars (党员积分评星): core/contract/party-routes.ts
  ...partyRoutes,
  // the county roll-out: register import, exports, overview, rankings across villages (county.ts)
  ...countyRoutes,
  // all the data out: everything of the county or a town as one archive (core/contract/data-export.ts)
  ...dataExportRoutes,
  // votes, activities, organisations, points for credit: core/contract/participation.ts
  ...participationRoutes
} as const

export type RouteName = keyof typeof routes
export type RouteInput<R extends RouteName> = z.input<(typeof routes)[R]['input']>
export type RouteResult<R extends RouteName> = (typeof routes)[R]['result']
