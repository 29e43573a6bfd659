import { AppError } from '../../../core/contract/errors'
import type { NoticeView } from '../../../core/contract/views'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { getDoc } from '../identity'
import { transact, transactionGet } from '../ledger'
import type { NoticeDoc, PlaceDoc } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { actorName, grantOf, myVillage } from '../scope'
import { hashId } from '../ids'
import { townAdminsPlace } from '../../../core/domain/seal'

/**
 * 通知公告 and 三务公开. Cadres publish to their village, town administrators to all the villages of
 * their town. Villagers see their village's and town's notices, pinned first, newest next, unread
 * marked; publishers see how many households have read each one: one read document per household
 * and notice, counted in the same transaction that creates it, so a second reader of the household
 * or a reload counts nothing.
 */

const PAGE = 20

const toView = (n: NoticeDoc, read: boolean, forPublisher: boolean): NoticeView => ({
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

/** The places whose notices a caller reads: their village and its town; a town administrator their town. */
async function readablePlaces(ctx: RouteCtx): Promise<string[]> {
  const town = grantOf(ctx, 'townAdmin')
  const hasVillage = ctx.identity.roles.some(
    r => r.role === 'villager' || r.role === 'cadre' || r.role === 'gridWorker'
  )
  // town administrators also read the alarms addressed to them (存证报警)
  const places: string[] = town ? [town.townId, townAdminsPlace(town.townId)] : []
  if (hasVillage) {
    const villageId = myVillage(ctx)
    const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
    places.push(villageId, village?.parentId ?? '')
  }
  return [...new Set(places.filter(Boolean))]
}

/** Where the caller may publish: their village (cadre) or town (town administrator). */
function publishPlace(ctx: RouteCtx, toTown: boolean): string {
  if (toTown) {
    const town = grantOf(ctx, 'townAdmin')
    if (!town) throw new AppError('FORBIDDEN', '只有镇街管理员能发给全镇')
    return town.townId
  }
  const cadre = grantOf(ctx, 'cadre')
  if (cadre) return cadre.villageId
  const town = grantOf(ctx, 'townAdmin')
  if (town) return town.townId
  throw new AppError('FORBIDDEN')
}

const mayManage = (ctx: RouteCtx, n: NoticeDoc) =>
  grantOf(ctx, 'cadre')?.villageId === n.placeId || grantOf(ctx, 'townAdmin')?.townId === n.placeId

export const publish: Handler<'notice.publish'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  async handle({ requestId, toTown, ...fields }, ctx) {
    const placeId = publishPlace(ctx, toTown)
    const [place] = await Promise.all([
      getDoc<PlaceDoc>(ctx, 'places', placeId),
      checkText(ctx, fields.title, fields.body, ...fields.financeRows.map(r => r.item))
    ])
    const doc: NoticeDoc = {
      _id: hashId('n', 24, ctx.openid, requestId),
      placeId,
      placeName: place?.name ?? '',
      ...fields,
      financeRows: fields.kind === 'finance' ? fields.financeRows : [],
      withdrawn: false,
      by: ctx.openid,
      byName: actorName(ctx),
      at: ctx.now(),
      readCount: 0
    }
    try {
      await ctx.db.collection('notices').add({ data: doc })
    } catch (e: any) {
      if (!/duplicate/i.test(String(e?.errMsg ?? e?.message))) throw e
    }
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, placeId, 'notice.publish', doc.title, null, { kind: doc.kind, pinned: doc.pinned })
    )
    return toView(doc, false, true)
  }
}

/** Changes a notice of the caller's village or town. */
async function change(
  ctx: RouteCtx,
  requestId: string,
  noticeId: string,
  action: string,
  patch: Partial<NoticeDoc>
): Promise<NoticeView> {
  const doc = await transact(ctx, async t => {
    const n = await transactionGet<NoticeDoc>(t, 'notices', noticeId)
    if (!n) throw new AppError('NOT_FOUND', '没有找到这条通知')
    if (!mayManage(ctx, n)) throw new AppError('FORBIDDEN', '只能管理本村（本镇）发的通知')
    await t.collection('notices').doc(noticeId).update({ data: patch })
    return { before: n, after: { ...n, ...patch } }
  })
  await recordAudit(
    ctx,
    auditIdFor(ctx, requestId),
    auditOf(
      ctx,
      doc.before.placeId,
      action,
      doc.before.title,
      { pinned: doc.before.pinned, withdrawn: doc.before.withdrawn },
      patch
    )
  )
  return toView(doc.after, false, true)
}

export const withdraw: Handler<'notice.withdraw'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  handle: ({ requestId, noticeId }, ctx) =>
    change(ctx, requestId, noticeId, 'notice.withdraw', { withdrawn: true, pinned: false })
}

export const pin: Handler<'notice.pin'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  handle: ({ requestId, noticeId, pinned }, ctx) => change(ctx, requestId, noticeId, 'notice.pin', { pinned })
}

export const list: Handler<'notice.list'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre', 'townAdmin'] },
  async handle({ page }, ctx) {
    const places = await readablePlaces(ctx)
    const _ = ctx.db.command
    const res = (await ctx.db
      .collection('notices')
      .where({ placeId: _.in(places), withdrawn: false })
      .orderBy('pinned', 'desc')
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: NoticeDoc[] }
    const notices = res.data.slice(0, PAGE)
    const household = grantOf(ctx, 'villager')?.householdId
    const reads =
      household && notices.length
        ? await readIds(
            ctx,
            notices.map(n => `${n._id}:${household}`)
          )
        : new Set<string>()
    return {
      notices: notices.map(n => toView(n, reads.has(`${n._id}:${household}`), mayManage(ctx, n))),
      page,
      hasMore: res.data.length > PAGE
    }
  }
}

async function readIds(ctx: RouteCtx, ids: string[]): Promise<Set<string>> {
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('reads')
    .where({ _id: _.in(ids) })
    .field({ _id: true })
    .limit(ids.length)
    .get()) as unknown as { data: { _id: string }[] }
  return new Set(res.data.map(r => r._id))
}

export const open: Handler<'notice.open'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre', 'townAdmin'] },
  async handle({ noticeId }, ctx) {
    const [n, places] = await Promise.all([getDoc<NoticeDoc>(ctx, 'notices', noticeId), readablePlaces(ctx)])
    if (!n || n.withdrawn || !places.includes(n.placeId)) throw new AppError('NOT_FOUND', '没有找到这条通知')
    const household = grantOf(ctx, 'villager')?.householdId
    if (!household) return toView(n, false, mayManage(ctx, n))
    // the household's first reader counts it, once: the read document and the count in one transaction
    const counted = await transact(ctx, async t => {
      const readId = `${n._id}:${household}`
      if (await transactionGet(t, 'reads', readId)) return n
      const now = await transactionGet<NoticeDoc>(t, 'notices', n._id)
      await t
        .collection('reads')
        .add({ data: { _id: readId, noticeId: n._id, householdId: household, by: ctx.openid, at: ctx.now() } })
      await t
        .collection('notices')
        .doc(n._id)
        .update({ data: { readCount: (now?.readCount ?? 0) + 1 } })
      return { ...n, readCount: (now?.readCount ?? 0) + 1 }
    })
    return toView(counted, true, mayManage(ctx, counted))
  }
}
