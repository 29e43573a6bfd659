import { z } from 'zod'
import { change, id, line, list, page, read, required, requiredLine, result, text, timeMs, write } from './schema'
import { OPTIONS_MAX, OPTIONS_MIN } from '../domain/votes'
import type {
  ActivityConfirmation,
  ActivityView,
  AttendeeView,
  BankOffer,
  ConsentView,
  CreditViewRecord,
  OrganisationPage,
  OrganisationView,
  PointsSummary,
  VoteView,
  VoterView
} from './participation-views'
import type { IssueView, NoticeView, ServiceView } from './views'
import { CONSENT_DAYS } from '../domain/credit'

export * from './participation-views'

/**
 * The routes of village participation (issue 17): votes, activities with sign-up and check-in,
 * organisations on the platform and points for credit. Spread into the route table of routes.ts;
 * the same conventions: no input names the caller, their role or their village.
 */
const atMs = timeMs

export const participationRoutes = {
  // votes (村民投票)
  'vote.open': change(
    write({
      question: requiredLine(100),
      options: z.array(requiredLine(40)).min(OPTIONS_MIN).max(OPTIONS_MAX),
      multiple: z.boolean().default(false),
      maxChoices: z.number().int().min(1).max(OPTIONS_MAX).default(1),
      deadlineAt: atMs,
      per: z.enum(['household', 'person']).default('household'),
      secret: z.boolean().default(false),
      resultsShown: z.enum(['live', 'afterClose']).default('live'),
      /** town administrators open a vote for all the villages of their town */
      toTown: z.boolean().default(false)
    }),
    result<VoteView>()
  ),
  'vote.list': list(z.object({ page }).strict(), result<{ votes: VoteView[]; page: number; hasMore: boolean }>()),
  'vote.get': read(z.object({ voteId: id }).strict(), result<VoteView>()),
  'vote.cast': change(
    write({
      voteId: id,
      choices: z
        .array(
          z
            .number()
            .int()
            .min(0)
            .max(OPTIONS_MAX - 1)
        )
        .min(1)
        .max(OPTIONS_MAX)
    }),
    result<VoteView>()
  ),
  'vote.voters': list(
    z.object({ voteId: id, page }).strict(),
    result<{ voters: VoterView[]; page: number; hasMore: boolean }>()
  ),
  'vote.close': change(write({ voteId: id }), result<VoteView>()),
  /** publishes the results as a notice to the vote's village or town */
  'vote.post': change(write({ voteId: id }), result<VoteView>()),

  // what is on in the village, for the home screen: its open vote and next activity
  'village.now': read(z.object({}).strict(), result<{ vote: VoteView | null; activity: ActivityView | null }>()),

  // activities (活动报名与签到)
  'activity.post': change(
    write({
      kind: z.enum(['labour', 'volunteer', 'culture']),
      title: requiredLine(40),
      description: text(500).default(''),
      place: requiredLine(60),
      startAt: atMs,
      endAt: atMs,
      capacity: z.number().int().min(1).max(500),
      /** the village rule that credits attendance, with the points per household; none: no points */
      credit: z
        .object({ ruleId: id, points: z.number().int().min(1).max(1000) })
        .strict()
        .nullable()
        .default(null)
    }),
    result<ActivityView>()
  ),
  'activity.list': list(
    z.object({ page }).strict(),
    result<{ activities: ActivityView[]; page: number; hasMore: boolean }>()
  ),
  'activity.get': read(z.object({ activityId: id }).strict(), result<ActivityView>()),
  'activity.signUp': change(write({ activityId: id }), result<ActivityView>()),
  'activity.cancel': change(write({ activityId: id }), result<ActivityView>()),
  /** the key comes from the activity's code (its scene), which only those at the place can scan */
  'activity.checkIn': change(
    write({ activityId: id, key: z.string().regex(/^[a-z0-9]{8}$/, '签到码不对') }),
    result<ActivityView>()
  ),
  'activity.code': read(z.object({ activityId: id }).strict(), result<{ fileID: string; url: string }>()),
  'activity.attendees': list(
    z.object({ activityId: id }).strict(),
    result<{ attendees: AttendeeView[]; activity: ActivityView }>()
  ),
  /** the cadre ticks a signed-up person off, or a household that came without signing up */
  'activity.tick': change(
    write({ activityId: id, signupId: id.optional(), householdId: id.optional(), present: z.boolean() }),
    result<AttendeeView>()
  ),
  'activity.confirm': change(write({ activityId: id }), result<ActivityConfirmation>()),

  // organisations on the platform (入驻单位)
  /** registered by the county, or by a town for itself; no organisationId: a new one */
  'org.save': change(
    write({
      organisationId: id.optional(),
      name: requiredLine(40),
      kind: z.enum(['police', 'health', 'bank', 'power', 'water', 'agriculture', 'legal', 'other']),
      intro: text(300).default(''),
      townIds: z.array(id).min(1).max(20),
      /** empty: every village of those towns */
      villageIds: z.array(id).max(200).default([]),
      phone: z
        .string()
        .regex(/^[0-9-]{0,20}$/, '电话只能是数字')
        .default(''),
      address: line(60).default(''),
      hours: line(60).default('')
    }),
    result<OrganisationView>()
  ),
  'org.list': list(z.object({}).strict(), result<{ organisations: OrganisationView[] }>()),
  'org.page': read(z.object({ organisationId: id }).strict(), result<OrganisationPage>()),
  /** the administrator who registered it grants a person the organisation's staff role (a bank's: bank staff) */
  'org.grantStaff': change(
    write({
      organisationId: id,
      openid: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '用户编号格式不对'),
      name: requiredLine(20)
    }),
    result<{ granted: boolean }>()
  ),
  'org.publishService': change(
    write({
      category: requiredLine(20),
      name: requiredLine(40),
      purpose: required(200),
      who: text(200).default(''),
      materials: z.array(requiredLine(40)).max(20).default([]),
      where: line(60).default(''),
      when: line(60).default(''),
      guide: text(500).default('')
    }),
    result<ServiceView>()
  ),
  'org.publishNotice': change(
    write({ title: requiredLine(60), body: text(5000).default('') }),
    result<{ notice: NoticeView; villages: number }>()
  ),

  /** a cadre hands a villager's issue of the organisation's kind over to it */
  'issue.toOrganisation': change(write({ issueId: id, organisationId: id }), result<IssueView>()),
  /** the organisation's staff: the issues handed over to it */
  'org.issues': list(
    z.object({ state: z.enum(['open', 'answered', 'closed']).default('open'), page }).strict(),
    result<{ issues: IssueView[]; page: number; hasMore: boolean }>()
  ),
  /** the organisation's staff reply to an issue handed over to it; `answer` makes it the answer */
  'org.replyIssue': change(
    write({ issueId: id, text: required(500), answer: z.boolean().default(false) }),
    result<IssueView>()
  ),

  // points for credit (积分贷), under the household's consent
  'credit.banks': read(z.object({}).strict(), result<{ banks: BankOffer[]; isHead: boolean }>()),
  'credit.consent': change(
    write({
      bankId: id,
      purpose: requiredLine(60),
      days: z
        .number()
        .int()
        .refine(d => (CONSENT_DAYS as readonly number[]).includes(d), '授权期限只能选30、90、180或365天'),
      /** the head ticked "我同意" under the text naming who, what, why and how long */
      agreed: z.literal(true, { errorMap: () => ({ message: '要勾选同意才能授权' }) })
    }),
    result<ConsentView>()
  ),
  'credit.revoke': change(write({ bankId: id }), result<ConsentView>()),
  /** the household's consents and who looked at its points when (谁看过我家积分) */
  'credit.mine': list(
    z.object({ page }).strict(),
    result<{ consents: ConsentView[]; views: CreditViewRecord[]; page: number; hasMore: boolean }>()
  ),
  /** bank staff: the households whose consent to their bank is in force */
  'credit.households': list(
    z.object({ page }).strict(),
    result<{
      households: {
        householdId: string
        doorPlate: string
        head: string
        villageName: string
        expiresAt: number
        purpose: string
      }[]
      page: number
      hasMore: boolean
    }>()
  ),
  /** bank staff: one household's points summary and statement; every call is recorded for the household */
  'credit.summary': read(z.object({ householdId: id }).strict(), result<PointsSummary>()),
  'credit.setPolicy': change(
    write({
      baseRatePct: z.number().min(0).max(30),
      cutPer100Pct: z.number().min(0).max(5),
      maxCutPct: z.number().min(0).max(10)
    }),
    result<OrganisationView>()
  )
} as const
