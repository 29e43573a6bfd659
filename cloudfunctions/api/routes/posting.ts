import { AppError } from '../../../core/contract/errors'
import type { AuditView, ObjectionView, PostingView } from '../../../core/contract/views'
import { canMoveObjection, canMovePosting } from '../../../core/domain/workflow'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { correctEntry } from '../corrections'
import { getDoc } from '../identity'
import { transact, transactionGet } from '../ledger'
import type { AuditDoc, EntryDoc, ObjectionDoc, PlaceDoc, PostingDoc } from '../model/documents'
import { childPlaces } from '../places'
import { refuseOwnHousehold } from '../conflict'
import type { Handler, RouteCtx } from '../router'
import { actorName, cadreVillage, grantOf, myHousehold, myVillage } from '../scope'
import { hashId } from '../ids'

/**
 * The village's public posting (公示) and objections (异议). Points count in the balance from the
 * moment they are scored or approved; during the posting period they are shown as 公示中, and any
 * villager of the village may object. An upheld objection corrects the entry by a new entry; when the
 * period ends (the timer) the entry is final.
 */

const PAGE = 20

const toPostingView = (p: PostingDoc): PostingView => ({
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

const toObjectionView = (o: ObjectionDoc): ObjectionView => ({
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

export const list: Handler<'posting.list'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  async handle({ page }, ctx) {
    const villageId = myVillage(ctx)
    const [res, village] = await Promise.all([
      ctx.db
        .collection('postings')
        .where({ villageId })
        .orderBy('at', 'desc')
        .skip((page - 1) * PAGE)
        .limit(PAGE + 1)
        .get() as unknown as Promise<{ data: PostingDoc[] }>,
      getDoc<PlaceDoc>(ctx, 'places', villageId)
    ])
    return {
      items: res.data.slice(0, PAGE).map(toPostingView),
      page,
      hasMore: res.data.length > PAGE,
      postingDays: village?.postingDays ?? 0
    }
  }
}

export const object: Handler<'objection.create'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ entryId, reason }, ctx) {
    const { villageId } = myHousehold(ctx)
    await checkText(ctx, reason)
    const id = hashId('o', 24, ctx.openid, entryId)
    const doc = await transact(ctx, async t => {
      const [posting, earlier] = await Promise.all([
        transactionGet<PostingDoc>(t, 'postings', entryId),
        transactionGet<ObjectionDoc>(t, 'objections', id)
      ])
      if (!posting) throw new AppError('NOT_FOUND', '没有找到这条公示')
      if (posting.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
      if (earlier) throw new AppError('ALREADY_OBJECTED')
      if (posting.until <= ctx.now() || !(posting.state === 'posted' || posting.state === 'objected'))
        throw new AppError('NOT_IN_POSTING')
      const objection: ObjectionDoc = {
        _id: id,
        entryId,
        villageId,
        doorPlate: posting.doorPlate,
        title: posting.title,
        points: posting.points,
        by: ctx.openid,
        byName: actorName(ctx),
        reason,
        state: 'open',
        reply: '',
        at: ctx.now(),
        resolvedAt: null,
        resolvedBy: null
      }
      await t.collection('objections').add({ data: objection })
      await t
        .collection('postings')
        .doc(entryId)
        .update({ data: { state: 'objected', openObjections: posting.openObjections + 1 } })
      return objection
    })
    return toObjectionView(doc)
  }
}

export const mine: Handler<'objection.mine'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle(_input, ctx) {
    const res = (await ctx.db
      .collection('objections')
      .where({ by: ctx.openid })
      .orderBy('at', 'desc')
      .limit(50)
      .get()) as unknown as { data: ObjectionDoc[] }
    return { items: res.data.map(toObjectionView) }
  }
}

export const queue: Handler<'objection.queue'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ page }, ctx) {
    const villageId = cadreVillage(ctx)
    const res = (await ctx.db
      .collection('objections')
      .where({ villageId, state: 'open' })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: ObjectionDoc[] }
    return { items: res.data.slice(0, PAGE).map(toObjectionView), page, hasMore: res.data.length > PAGE }
  }
}

/**
 * Resolves an objection. Upheld: the entry is corrected (to `points`, 0 by default) in the same
 * transaction as the objection and the posting change. Dismissed: the posting goes back to 公示中, or
 * becomes final if its period ended meanwhile.
 */
export const resolve: Handler<'objection.resolve'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, objectionId, upheld, reply, points }, ctx) {
    const villageId = cadreVillage(ctx)
    await checkText(ctx, reply)
    const objection = await getDoc<ObjectionDoc>(ctx, 'objections', objectionId)
    if (!objection) throw new AppError('NOT_FOUND', '没有找到这条异议')
    if (objection.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    const disputed = await getDoc<EntryDoc>(ctx, 'entries', objection.entryId)
    if (disputed) refuseOwnHousehold(ctx, disputed.householdId)
    const state = upheld ? 'upheld' : 'dismissed'
    const change = { state, reply, resolvedAt: ctx.now(), resolvedBy: ctx.openid }

    /** the objection's and the posting's moves, inside whichever transaction resolves it */
    const settle = async (t: any) => {
      const [now, posting] = await Promise.all([
        transactionGet<ObjectionDoc>(t, 'objections', objectionId),
        transactionGet<PostingDoc>(t, 'postings', objection.entryId)
      ])
      if (!now || !canMoveObjection(now.state, state)) throw new AppError('STATE_CHANGED')
      await t.collection('objections').doc(objectionId).update({ data: change })
      if (!posting) return
      const open = Math.max(0, posting.openObjections - 1)
      // an upheld objection's correction has moved the posting to corrected; after a dismissal a
      // posting still under objection goes on: objected while others are open, then 公示中 or final
      const stillOpen = posting.state === 'posted' || posting.state === 'objected'
      const next =
        upheld || !stillOpen ? posting.state : open > 0 ? 'objected' : posting.until <= ctx.now() ? 'final' : 'posted'
      if (next !== posting.state && !canMovePosting(posting.state, next)) throw new AppError('STATE_CHANGED')
      await t
        .collection('postings')
        .doc(posting._id)
        .update({ data: { openObjections: open, ...(next !== posting.state ? { state: next } : {}) } })
    }

    if (upheld) {
      await correctEntry(ctx, villageId, objection.entryId, points ?? 0, `异议成立：${reply}`, requestId, settle)
    } else {
      await transact(ctx, settle)
      await recordAudit(
        ctx,
        auditIdFor(ctx, requestId),
        auditOf(
          ctx,
          villageId,
          'objection.resolve',
          objection.entryId,
          { state: 'open', reason: objection.reason },
          { state, reply }
        )
      )
    }
    return toObjectionView({ ...objection, ...change } as ObjectionDoc)
  }
}

const ACTION_LABELS: Record<string, string> = {
  'score.award': '打分',
  'score.batch': '批量打分',
  'score.correct': '更正积分',
  'review.approve': '审核通过',
  'review.reject': '审核驳回',
  'objection.resolve': '处理异议',
  'roles.grant': '授予角色',
  'roles.revoke': '收回角色',
  'rules.save': '修改细则',
  'rules.retire': '停用细则',
  'rules.adoptTemplate': '采用模板',
  'village.setStars': '设星级分数线',
  'joinCode.issue': '发入户码',
  'joinCode.revoke': '作废入户码',
  'binding.remove': '解除绑定',
  'templates.save': '修改模板',
  'shop.saveGoods': '修改商品',
  'shop.redeemAtDesk': '柜台兑换',
  'shop.collect': '领取商品',
  'shop.cancel': '取消订单',
  'notice.publish': '发布通知',
  'notice.withdraw': '撤回通知',
  'notice.pin': '置顶通知',
  'service.save': '修改便民服务',
  'household.save': '登记家庭户'
}

const toAuditView = (a: AuditDoc): AuditView => ({
  id: a._id,
  actorName: a.actorName,
  action: a.action,
  label: ACTION_LABELS[a.action] ?? a.action,
  target: a.target,
  before: a.before,
  after: a.after,
  at: a.at
})

/** The trail of the cadre's village, or of the town administrator's town and all its villages. */
export const audit: Handler<'audit.list'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  async handle({ page }, ctx) {
    const places = await areaOf(ctx)
    const _ = ctx.db.command
    const res = (await ctx.db
      .collection('audit')
      .where({ placeId: _.in(places) })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: AuditDoc[] }
    return { items: res.data.slice(0, PAGE).map(toAuditView), page, hasMore: res.data.length > PAGE }
  }
}

async function areaOf(ctx: RouteCtx): Promise<string[]> {
  const town = grantOf(ctx, 'townAdmin')
  const cadre = grantOf(ctx, 'cadre')
  const places = cadre ? [cadre.villageId] : []
  if (town) places.push(town.townId, ...(await childPlaces(ctx, [town.townId])).map(p => p._id))
  return places
}
