import { randomBytes } from 'node:crypto'
import { AppError } from '../../../core/contract/errors'
import type { ActivityConfirmation, ActivityView, AttendeeView } from '../../../core/contract/participation'
import { activityProblem, attendingHouseholds, beforeStart, checkInOpen } from '../../../core/domain/activities'
import { pointsProblem } from '../../../core/domain/rules'
import { mapWithLimit } from '../../shared/limit'
import { checkText } from '../services/content-check'
import { getDoc } from '../services/participation-kit'
import { hash } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { hashId } from '../services/participation-kit'
import { writeEntry } from '../services/ledger'
import { transact } from '../services/participation-kit'
import type { HouseholdDoc, RuleDoc, RuleSnapshot } from '../../shared/data/documents'
import type { ActivityDoc, SignupDoc } from '../../shared/data/participation-documents'
import type { Route as Handler, RouteCtx } from '../router/route'
import { actorName, cadreVillage, grantOf, myHousehold, myVillage } from '../services/participation-kit'
import { snapshotOf } from '../services/rules'

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
const PAGE = 20
const SIGNUPS_MAX = 1000
/** households credited at once: each is one ledger transaction of ~6 round trips */
const CONFIRM_PARALLELISM = 10

const personKey = (openid: string) => 'p' + hash(openid).slice(0, 24)
const signupIdOf = (activityId: string, openid: string) => `${activityId}:${personKey(openid)}`
const walkInIdOf = (activityId: string, householdId: string) => `${activityId}:h-${householdId}`

function toView(ctx: RouteCtx, a: ActivityDoc, mine: SignupDoc | null): ActivityView {
  return {
    id: a._id,
    kind: a.kind,
    title: a.title,
    description: a.description,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    capacity: a.capacity,
    signedUp: a.signedUp,
    state: a.state,
    credit: a.rule ? { title: a.rule.title, points: a.points } : null,
    byName: a.byName,
    mine: mine ? { state: mine.state, checkedIn: mine.checkedInAt !== null } : null,
    canManage: grantOf(ctx, 'cadre')?.villageId === a.villageId,
    credited: a.credited
  }
}

const toAttendee = (s: SignupDoc): AttendeeView => ({
  id: s._id,
  label: s.name ? `${s.name}（${s.doorPlate}）` : s.doorPlate,
  householdId: s.householdId,
  state: s.state,
  checkedInAt: s.checkedInAt,
  checkedInBy: s.checkedInBy
})

/** An activity of the caller's village, or NOT_FOUND. */
async function activityOf(ctx: RouteCtx, activityId: string): Promise<ActivityDoc> {
  const a = await getDoc<ActivityDoc>(ctx, 'activities', activityId)
  if (!a || a.villageId !== myVillage(ctx)) throw new AppError('NOT_FOUND', '没有找到这个活动')
  return a
}

/** The caller's own sign-ups of some activities, by their known ids. */
export async function mySignups(ctx: RouteCtx, activityIds: string[]): Promise<Map<string, SignupDoc>> {
  if (!grantOf(ctx, 'villager') || activityIds.length === 0) return new Map()
  const _ = ctx.db.command
  const ids = activityIds.map(id => signupIdOf(id, ctx.openid))
  const res = (await ctx.db
    .collection('signups')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get()) as unknown as { data: SignupDoc[] }
  return new Map(res.data.map(s => [s.activityId, s]))
}

export async function activityViews(ctx: RouteCtx, activities: ActivityDoc[]): Promise<ActivityView[]> {
  const mine = await mySignups(
    ctx,
    activities.map(a => a._id)
  )
  return activities.map(a => toView(ctx, a, mine.get(a._id) ?? null))
}

/** The rule that credits attendance: the village's, active, an award the cadre may give, these points allowed. */
async function creditRule(ctx: RouteCtx, villageId: string, ruleId: string, points: number): Promise<RuleSnapshot> {
  const rule = await getDoc<RuleDoc>(ctx, 'rules', ruleId)
  if (!rule || rule.villageId !== villageId) throw new AppError('NOT_FOUND', '没有找到这条细则')
  if (!rule.active) throw new AppError('RULE_RETIRED')
  if (!rule.proposers.includes('cadre') || rule.points.min < 0) throw new AppError('RULE_NOT_ALLOWED')
  const problem = pointsProblem(rule, points)
  if (problem) throw new AppError(problem)
  return snapshotOf(rule)
}

export const postActivity: Handler<'activity.post'> = {
  access: { who: 'roles', roles: ['cadre'] },
  scope: 'own',
  audit: 'activity.post',
  async handle({ requestId, credit, ...input }, ctx) {
    const villageId = cadreVillage(ctx)
    const problem = activityProblem(input, ctx.now())
    if (problem) throw new AppError('INVALID_INPUT', problem)
    const [rule] = await Promise.all([
      credit ? creditRule(ctx, villageId, credit.ruleId, credit.points) : null,
      checkText(ctx, input.title, input.description, input.place)
    ])
    const doc: ActivityDoc = {
      _id: hashId('ac', 12, ctx.openid, requestId),
      villageId,
      ...input,
      signedUp: 0,
      rule,
      points: credit?.points ?? 0,
      state: 'open',
      key: randomBytes(4).toString('hex'),
      codeFile: null,
      by: ctx.openid,
      byName: actorName(ctx),
      at: ctx.now(),
      confirmedAt: null,
      credited: null
    }
    await data(ctx).activities.add(doc)
    ctx.audit.record({
      placeId: villageId,
      target: doc.title,
      before: null,
      after: {
        startAt: doc.startAt,
        capacity: doc.capacity,
        rule: rule?.title ?? null,
        points: doc.points
      }
    })
    return toView(ctx, doc, null)
  }
}

export const list: Handler<'activity.list'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  scope: 'own',
  async handle({ page }, ctx) {
    const res = (await ctx.db
      .collection('activities')
      .where({ villageId: myVillage(ctx) })
      .orderBy('startAt', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: ActivityDoc[] }
    return {
      activities: await activityViews(ctx, res.data.slice(0, PAGE)),
      page,
      hasMore: res.data.length > PAGE
    }
  }
}

export const get: Handler<'activity.get'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  scope: 'own',
  async handle({ activityId }, ctx) {
    const [view] = await activityViews(ctx, [await activityOf(ctx, activityId)])
    return view
  }
}

export const signUp: Handler<'activity.signUp'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  audit: { none: 'the villager’s own sign-up; its document records who and when' },
  async handle({ activityId }, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const household = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
    const id = signupIdOf(activityId, ctx.openid)
    const { activity, signup } = await transact(ctx, async t => {
      const a = await t.get('activities', activityId)
      if (!a || a.villageId !== villageId) throw new AppError('NOT_FOUND', '没有找到这个活动')
      const earlier = await t.get('signups', id)
      // signing up again (a retry, a second tap) changes nothing
      if (earlier?.state === 'signedUp') return { activity: a, signup: earlier }
      if (a.state !== 'open' || !beforeStart(a, ctx.now())) throw new AppError('ACTIVITY_STARTED')
      if (a.signedUp >= a.capacity) throw new AppError('ACTIVITY_FULL')
      const s: SignupDoc = {
        _id: id,
        activityId,
        householdId,
        doorPlate: household?.doorPlate ?? '',
        name: actorName(ctx),
        state: 'signedUp',
        checkedInAt: null,
        checkedInBy: null,
        at: ctx.now()
      }
      await t.set('signups', s)
      await t.update('activities', a._id, { signedUp: a.signedUp + 1 })
      return { activity: { ...a, signedUp: a.signedUp + 1 }, signup: s }
    })
    return toView(ctx, activity, signup)
  }
}

export const cancel: Handler<'activity.cancel'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  audit: { none: 'the villager’s own sign-up; its document records who and when' },
  async handle({ activityId }, ctx) {
    const { villageId } = myHousehold(ctx)
    const id = signupIdOf(activityId, ctx.openid)
    const { activity, signup } = await transact(ctx, async t => {
      const a = await t.get('activities', activityId)
      if (!a || a.villageId !== villageId) throw new AppError('NOT_FOUND', '没有找到这个活动')
      const s = await t.get('signups', id)
      if (!s) throw new AppError('NOT_SIGNED_UP')
      if (s.state === 'cancelled') return { activity: a, signup: s }
      if (a.state !== 'open' || !beforeStart(a, ctx.now())) throw new AppError('ACTIVITY_STARTED')
      await t.update('signups', id, { state: 'cancelled' })
      await t.update('activities', a._id, { signedUp: a.signedUp - 1 })
      return { activity: { ...a, signedUp: a.signedUp - 1 }, signup: { ...s, state: 'cancelled' as const } }
    })
    return toView(ctx, activity, signup)
  }
}

export const checkIn: Handler<'activity.checkIn'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  audit: { none: 'the villager’s own check-in; its sign-up records when' },
  async handle({ activityId, key }, ctx) {
    const { villageId } = myHousehold(ctx)
    const id = signupIdOf(activityId, ctx.openid)
    const { activity, signup } = await transact(ctx, async t => {
      const a = await t.get('activities', activityId)
      if (!a || a.villageId !== villageId) throw new AppError('NOT_FOUND', '没有找到这个活动')
      if (a.key !== key) throw new AppError('CHECKIN_CODE_WRONG')
      const s = await t.get('signups', id)
      if (!s || s.state !== 'signedUp') throw new AppError('NOT_SIGNED_UP')
      if (s.checkedInAt !== null) return { activity: a, signup: s }
      if (a.state !== 'open' || !checkInOpen(a, ctx.now())) throw new AppError('CHECKIN_CLOSED')
      const patch = { checkedInAt: ctx.now(), checkedInBy: 'code' as const }
      await t.update('signups', id, patch)
      return { activity: a, signup: { ...s, ...patch } }
    })
    return toView(ctx, activity, signup)
  }
}

/** An activity the caller manages: of their own village. */
async function managed(ctx: RouteCtx, activityId: string): Promise<ActivityDoc> {
  const villageId = cadreVillage(ctx)
  const a = await getDoc<ActivityDoc>(ctx, 'activities', activityId)
  if (!a) throw new AppError('NOT_FOUND', '没有找到这个活动')
  if (a.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
  return a
}

export const code: Handler<'activity.code'> = {
  access: { who: 'roles', roles: ['cadre'] },
  scope: 'own',
  async handle({ activityId }, ctx) {
    const a = await managed(ctx, activityId)
    const fileID = a.codeFile ?? (await makeCode(ctx, a))
    const urls = (await ctx.storage.getTempFileURL({ fileList: [fileID] })) as unknown as {
      fileList: { tempFileURL: string }[]
    }
    return { fileID, url: urls.fileList[0]?.tempFileURL ?? '' }
  }
}

/** The activity's code, made once through the open-API seam (wxacode.getUnlimited) and kept in storage. */
async function makeCode(ctx: RouteCtx, a: ActivityDoc): Promise<string> {
  const image = await ctx.openapi.getUnlimitedCode({ scene: `a=${a._id}&k=${a.key}`, page: CODE_PAGE })
  const uploaded = await ctx.storage.uploadFile({ cloudPath: `activity-codes/${a._id}.png`, fileContent: image.buffer })
  await ctx.db
    .collection('activities')
    .doc(a._id)
    .update({ data: { codeFile: uploaded.fileID } })
  return uploaded.fileID
}

async function signupsOf(ctx: RouteCtx, activityId: string): Promise<SignupDoc[]> {
  const res = (await ctx.db
    .collection('signups')
    .where({ activityId })
    .orderBy('at', 'asc')
    .limit(SIGNUPS_MAX)
    .get()) as unknown as { data: SignupDoc[] }
  return res.data
}

export const attendees: Handler<'activity.attendees'> = {
  access: { who: 'roles', roles: ['cadre'] },
  scope: 'own',
  async handle({ activityId }, ctx) {
    const a = await managed(ctx, activityId)
    return { attendees: (await signupsOf(ctx, activityId)).map(toAttendee), activity: toView(ctx, a, null) }
  }
}

export const tick: Handler<'activity.tick'> = {
  access: { who: 'roles', roles: ['cadre'] },
  scope: 'own',
  audit: { none: 'attendance is kept on the sign-up (ticked by the cadre, when)' },
  async handle({ activityId, signupId, householdId, present }, ctx) {
    const a = await managed(ctx, activityId)
    if (!signupId === !householdId) throw new AppError('INVALID_INPUT', '请选一个报名的人或一户')
    const walkIn = householdId ? await getDoc<HouseholdDoc>(ctx, 'households', householdId) : null
    if (householdId && (!walkIn || walkIn.villageId !== a.villageId)) throw new AppError('OTHER_VILLAGE')
    const id = signupId ?? walkInIdOf(activityId, householdId!)
    if (!id.startsWith(`${activityId}:`)) throw new AppError('NOT_FOUND', '没有找到这个报名')
    return transact(ctx, async t => {
      const fresh = await t.get('activities', activityId)
      if (fresh?.state !== 'open') throw new AppError('STATE_CHANGED')
      const s = await t.get('signups', id)
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
      await t.set('signups', next)
      return toAttendee(next)
    })
  }
}

export const confirm: Handler<'activity.confirm'> = {
  access: { who: 'roles', roles: ['cadre'] },
  scope: 'own',
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
    await ctx.db
      .collection('activities')
      .doc(a._id)
      .update({ data: { state: after.state, confirmedAt: after.confirmedAt, credited } })
    ctx.audit.record({
      placeId: a.villageId,
      target: a.title,
      before: null,
      after: {
        households: households.length,
        credited: count('credited'),
        already: count('already'),
        capped: count('capped')
      }
    })
    const result: ActivityConfirmation = {
      activity: toView(ctx, after, null),
      credited: count('credited'),
      already: count('already'),
      capped: count('capped')
    }
    return result
  }
}

/** The rule's points to each household, once: the entry id and request key are fixed by the activity. */
function creditAll(ctx: RouteCtx, a: ActivityDoc, households: string[]) {
  return mapWithLimit(households, CONFIRM_PARALLELISM, async householdId => {
    try {
      const posted = await writeEntry(ctx, {
        id: 'e' + hash('activity', a._id, householdId).slice(0, 31),
        requestKey: hash('activity', a._id).slice(0, 24),
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
