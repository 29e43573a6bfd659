import { AppError } from '../../../core/contract/errors'
import type { ActivityConfirmation } from '../../../core/contract/participation'
import { activityProblem, attendingHouseholds, beforeStart, checkInOpen } from '../../../core/domain/activities'
import { pointsProblem } from '../../../core/domain/rules'
import { mapWithLimit } from '../../shared/limit'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { temporaryUrls } from '../../shared/data/storage'
import { transact, Tx } from '../../shared/data/transaction'
import type { RuleSnapshot } from '../../shared/data/documents'
import type { ActivityDoc, SignupDoc } from '../../shared/data/participation-documents'
import { toAttendee } from '../../shared/data/participation-views'
import { checkText } from '../services/content-check'
import { writeEntry } from '../services/ledger'
import { snapshotOf } from '../services/rules'
import { activityView, activityViews, signupIdOf } from '../services/activities'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'

/**
 * Activities (活动报名与签到). A cadre posts one for the village; villagers sign up, each person once,
 * in a transaction that also keeps the activity's count of sign-ups, so the places are never
 * exceeded however many sign up at once; they cancel before the start. At the place people check in
 * by scanning the activity's code (its scene carries a key that only the code shows) within the
 * window, or the cadre ticks them off. At the end the cadre confirms: the rule's points go to each
 * attending household through the ledger under an entry id fixed by (activity, household), so a
 * second confirmation, or a confirmation that resumes one cut short, credits nobody twice.
 */

const CODE_PAGE = 'packages/participation/pages/checkin/index'
const SIGNUPS_MAX = 1000
/** households credited at once: each is one ledger transaction of ~6 round trips */
const CONFIRM_PARALLELISM = 10

/**
 * The key the activity's code carries, fixed by the cadre's request so that a retried post writes the
 * same activity: the request id is known only to the cadre's phone (no route returns it), so neither
 * the key nor the request can be worked out from the activity's id, which is a different hash of it.
 */
const checkInKeyOf = (openid: string, requestId: string) => idFor('checkInKey', 'activity-key', openid, requestId)
const walkInIdOf = (activityId: string, householdId: string) => `${activityId}:h-${householdId}`

/** An activity of the caller's village, or NOT_FOUND. */
async function activityOf(ctx: RouteCtx<'village'>, activityId: string): Promise<ActivityDoc> {
  const a = await data(ctx).activities.get(activityId)
  if (!a || a.villageId !== ctx.scope.villageId) throw new AppError('NOT_FOUND', '没有找到这个活动')
  return a
}

/** An activity the cadre manages: of their own village (another village's: OTHER_VILLAGE). */
async function managed(ctx: RouteCtx<'village'>, activityId: string): Promise<ActivityDoc> {
  const a = await data(ctx).activities.get(activityId)
  if (!a) throw new AppError('NOT_FOUND', '没有找到这个活动')
  ctx.scope.check(a)
  return a
}

/** The rule that credits attendance: the village's, active, an award the cadre may give, these points allowed. */
async function creditRule(ctx: RouteCtx, villageId: string, ruleId: string, points: number): Promise<RuleSnapshot> {
  const rule = await data(ctx).rules.get(ruleId)
  if (!rule || rule.villageId !== villageId) throw new AppError('NOT_FOUND', '没有找到这条细则')
  if (!rule.active) throw new AppError('RULE_RETIRED')
  if (!rule.proposers.includes('cadre') || rule.points.min < 0) throw new AppError('RULE_NOT_ALLOWED')
  const problem = pointsProblem(rule, points)
  if (problem) throw new AppError(problem)
  return snapshotOf(rule)
}

/** The activity's code, made once through the open-API seam (wxacode.getUnlimited) and kept in storage. */
async function makeCode(ctx: RouteCtx, a: ActivityDoc): Promise<string> {
  const image = await ctx.openapi.getUnlimitedCode({ scene: `a=${a._id}&k=${a.key}`, page: CODE_PAGE })
  const uploaded = await ctx.storage.uploadFile({ cloudPath: `activity-codes/${a._id}.png`, fileContent: image.buffer })
  await data(ctx).activities.update(a._id, { codeFile: uploaded.fileID })
  return uploaded.fileID
}

/** Every sign-up of an activity (its places are at most CAPACITY_MAX, walk-ins added by the cadre besides). */
const signupsOf = (ctx: RouteCtx, activityId: string, max = SIGNUPS_MAX) =>
  data(ctx).signups.find({ activityId }, { orderBy: [['at', 'asc']], limit: max })

/** The rule's points to each household, once: the entry id and request key are fixed by the activity. */
function creditAll(ctx: RouteCtx, a: ActivityDoc, households: string[]) {
  return mapWithLimit(households, CONFIRM_PARALLELISM, async householdId => {
    try {
      const posted = await writeEntry(ctx, {
        id: idFor('entry', 'activity', a._id, householdId),
        requestKey: idFor('requestKey', 'activity', a._id),
        householdId,
        villageId: a.villageId,
        kind: 'award',
        points: a.points,
        rule: a.rule,
        note: `参加活动：${a.title}`,
        evidence: [],
        by: ctx.openid,
        byName: actorName(ctx),
        publicPosting: true
      })
      return posted.repeated ? 'already' : 'credited'
    } catch (e) {
      if (e instanceof AppError && e.code === 'CAP_REACHED') return 'capped'
      throw e
    }
  })
}

/** A villager's own sign-up of an activity of their village, changed in one transaction with the activity. */
function changeMySignup<T>(
  ctx: RouteCtx<'household'>,
  activityId: string,
  change: (a: ActivityDoc, s: SignupDoc | null, id: string, tx: Tx) => Promise<T>
): Promise<T> {
  const id = signupIdOf(activityId, ctx.openid)
  return transact(ctx, async tx => {
    const a = await tx.get('activities', activityId)
    if (!a || a.villageId !== ctx.scope.villageId) throw new AppError('NOT_FOUND', '没有找到这个活动')
    return change(a, await tx.get('signups', id), id, tx)
  })
}

export const activityRoutes = {
  'activity.post': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'activity.post',
    async handle({ requestId, credit, ...input }, ctx) {
      const { villageId } = ctx.scope
      const problem = activityProblem(input, ctx.now())
      if (problem) throw new AppError('INVALID_INPUT', problem)
      const [rule] = await Promise.all([
        credit ? creditRule(ctx, villageId, credit.ruleId, credit.points) : null,
        checkText(ctx, input.title, input.description, input.place)
      ])
      const doc: ActivityDoc = {
        _id: idFor('activity', ctx.openid, requestId),
        villageId,
        ...input,
        signedUp: 0,
        rule,
        points: credit?.points ?? 0,
        state: 'open',
        key: checkInKeyOf(ctx.openid, requestId),
        codeFile: null,
        by: ctx.openid,
        byName: actorName(ctx),
        at: ctx.now(),
        confirmedAt: null,
        credited: null
      }
      await data(ctx).activities.add(doc)
      ctx.audit.record({
        target: doc.title,
        before: null,
        after: { startAt: doc.startAt, capacity: doc.capacity, rule: rule?.title ?? null, points: doc.points }
      })
      return activityView(ctx, doc, null)
    }
  },

  'activity.list': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const where = { villageId: ctx.scope.villageId }
      const found = await data(ctx).activities.page(where, [['startAt', 'desc']], ctx.paging)
      return { activities: await activityViews(ctx, found.rows), page: found.page, hasMore: found.hasMore }
    }
  },

  'activity.get': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    async handle({ activityId }, ctx) {
      const [view] = await activityViews(ctx, [await activityOf(ctx, activityId)])
      return view
    }
  },

  'activity.signUp': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the villager’s own sign-up; its document records who and when' },
    async handle({ activityId }, ctx) {
      const household = await data(ctx).households.get(ctx.scope.householdId)
      const { activity, signup } = await changeMySignup(ctx, activityId, async (a, earlier, id, tx) => {
        // signing up again (a retry, a second tap) changes nothing
        if (earlier?.state === 'signedUp') return { activity: a, signup: earlier }
        if (a.state !== 'open' || !beforeStart(a, ctx.now())) throw new AppError('ACTIVITY_STARTED')
        if (a.signedUp >= a.capacity) throw new AppError('ACTIVITY_FULL')
        const s: SignupDoc = {
          _id: id,
          activityId,
          householdId: ctx.scope.householdId,
          doorPlate: household?.doorPlate ?? '',
          name: actorName(ctx),
          state: 'signedUp',
          checkedInAt: null,
          checkedInBy: null,
          at: ctx.now()
        }
        await tx.set('signups', s)
        await tx.update('activities', a._id, { signedUp: a.signedUp + 1 })
        return { activity: { ...a, signedUp: a.signedUp + 1 }, signup: s }
      })
      return activityView(ctx, activity, signup)
    }
  },

  'activity.cancel': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the villager’s own sign-up; its document records who and when' },
    async handle({ activityId }, ctx) {
      const { activity, signup } = await changeMySignup(ctx, activityId, async (a, s, id, tx) => {
        if (!s) throw new AppError('NOT_SIGNED_UP')
        if (s.state === 'cancelled') return { activity: a, signup: s }
        if (a.state !== 'open' || !beforeStart(a, ctx.now())) throw new AppError('ACTIVITY_STARTED')
        await tx.update('signups', id, { state: 'cancelled' })
        await tx.update('activities', a._id, { signedUp: a.signedUp - 1 })
        return { activity: { ...a, signedUp: a.signedUp - 1 }, signup: { ...s, state: 'cancelled' as const } }
      })
      return activityView(ctx, activity, signup)
    }
  },

  'activity.checkIn': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the villager’s own check-in; its sign-up records when' },
    async handle({ activityId, key }, ctx) {
      const { activity, signup } = await changeMySignup(ctx, activityId, async (a, s, id, tx) => {
        if (a.key !== key) throw new AppError('CHECKIN_CODE_WRONG')
        if (!s || s.state !== 'signedUp') throw new AppError('NOT_SIGNED_UP')
        if (s.checkedInAt !== null) return { activity: a, signup: s }
        if (a.state !== 'open' || !checkInOpen(a, ctx.now())) throw new AppError('CHECKIN_CLOSED')
        const patch = { checkedInAt: ctx.now(), checkedInBy: 'code' as const }
        await tx.update('signups', id, patch)
        return { activity: a, signup: { ...s, ...patch } }
      })
      return activityView(ctx, activity, signup)
    }
  },

  'activity.code': {
    access: roles('cadre'),
    scope: 'village',
    async handle({ activityId }, ctx) {
      const a = await managed(ctx, activityId)
      const fileID = a.codeFile ?? (await makeCode(ctx, a))
      const urls = await temporaryUrls(ctx, [fileID])
      return { fileID, url: urls.get(fileID) ?? '' }
    }
  },

  'activity.attendees': {
    access: roles('cadre'),
    scope: 'village',
    paging: { max: SIGNUPS_MAX },
    async handle({ activityId }, ctx) {
      const a = await managed(ctx, activityId)
      const signups = await signupsOf(ctx, activityId, ctx.paging.size)
      return { attendees: signups.map(toAttendee), activity: activityView(ctx, a, null) }
    }
  },

  'activity.tick': {
    access: roles('cadre'),
    scope: 'village',
    audit: { none: 'attendance is kept on the sign-up (ticked by the cadre, when)' },
    async handle({ activityId, signupId, householdId, present }, ctx) {
      await managed(ctx, activityId)
      if (!signupId === !householdId) throw new AppError('INVALID_INPUT', '请选一个报名的人或一户')
      const walkIn = householdId ? await data(ctx).households.get(householdId) : null
      if (householdId && !walkIn) throw new AppError('NOT_FOUND', '没有找到这一户')
      if (walkIn) ctx.scope.check(walkIn)
      const id = signupId ?? walkInIdOf(activityId, householdId!)
      if (!id.startsWith(`${activityId}:`)) throw new AppError('NOT_FOUND', '没有找到这个报名')
      return transact(ctx, async tx => {
        const fresh = await tx.get('activities', activityId)
        if (fresh?.state !== 'open') throw new AppError('STATE_CHANGED')
        const s = await tx.get('signups', id)
        if (!s && !walkIn) throw new AppError('NOT_FOUND', '没有找到这个报名')
        const patch = { checkedInAt: present ? ctx.now() : null, checkedInBy: present ? ('cadre' as const) : null }
        const next: SignupDoc = s
          ? { ...s, ...patch }
          : {
              _id: id,
              activityId,
              householdId: walkIn!._id,
              doorPlate: walkIn!.doorPlate,
              name: walkIn!.head,
              state: 'signedUp',
              at: ctx.now(),
              ...patch
            }
        await tx.set('signups', next)
        return toAttendee(next)
      })
    }
  },

  'activity.confirm': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'activity.confirm',
    async handle({ activityId }, ctx) {
      const a = await managed(ctx, activityId)
      if (a.state === 'cancelled') throw new AppError('STATE_CHANGED')
      if (ctx.now() < a.startAt) throw new AppError('ACTIVITY_NOT_STARTED')
      const present = (await signupsOf(ctx, activityId)).filter(s => s.state === 'signedUp' && s.checkedInAt !== null)
      const households = attendingHouseholds(present)
      const lines = a.rule ? await creditAll(ctx, a, households) : []
      const count = (line: string) => lines.filter(l => l === line).length
      const credited = a.rule ? count('credited') + count('already') : 0
      const after: ActivityDoc = { ...a, state: 'confirmed', confirmedAt: a.confirmedAt ?? ctx.now(), credited }
      await data(ctx).activities.update(a._id, { state: after.state, confirmedAt: after.confirmedAt, credited })
      const tally = { credited: count('credited'), already: count('already'), capped: count('capped') }
      ctx.audit.record({ target: a.title, before: null, after: { households: households.length, ...tally } })
      const result: ActivityConfirmation = { activity: activityView(ctx, after, null), ...tally }
      return result
    }
  }
} satisfies Partial<Routes>
