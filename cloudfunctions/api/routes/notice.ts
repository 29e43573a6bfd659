import { townAdminsPlace } from '../../../core/domain/seal'
import { AppError } from '../../../core/contract/errors'
import type { NoticeView } from '../../../core/contract/views'
import type { NoticeDoc } from '../../shared/data/documents'
import { idFor, settledIds } from '../../shared/data/ids'
import { data, listOf } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import { toNoticeView } from '../../shared/data/views'
import { actorName, Identity } from '../router/identity'
import { grantOf } from '../router/scope'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'

/**
 * 通知公告 and 三务公开. Cadres publish to their village, town administrators to all the villages of
 * their town. Villagers see their village's and town's notices, pinned first, newest next, unread
 * marked; publishers see how many households have read each one: one read document per household
 * and notice, counted in the same transaction that creates it, so a second reader of the household
 * or a reload counts nothing.
 */

const readers = roles('villager', 'gridWorker', 'cadre', 'townAdmin')
const publishers = roles('cadre', 'townAdmin')

/** The places whose notices a caller reads: their village and its town; a town administrator their town. */
async function readablePlaces(ctx: RouteCtx): Promise<string[]> {
  const town = grantOf(ctx.identity, 'townAdmin')
  const villageGrant =
    grantOf(ctx.identity, 'cadre') ?? grantOf(ctx.identity, 'gridWorker') ?? grantOf(ctx.identity, 'villager')
  // town administrators also read the alarms addressed to them (存证报警)
  const places: string[] = town ? [town.townId, townAdminsPlace(town.townId)] : []
  if (villageGrant) {
    const village = await data(ctx).places.get(villageGrant.villageId)
    places.push(villageGrant.villageId, village?.parentId ?? '')
  }
  return [...new Set(places.filter(Boolean))]
}

/** Where the caller may publish: their village (cadre) or town (town administrator). */
function publishPlace(ctx: RouteCtx<'area'>, toTown: boolean): string {
  const { villageId, townId } = ctx.scope
  if (toTown) {
    if (!townId) throw new AppError('FORBIDDEN', '只有镇街管理员能发给全镇')
    return townId
  }
  const place = villageId ?? townId
  if (!place) throw new AppError('FORBIDDEN')
  return place
}

const mayManage = (identity: Identity, n: NoticeDoc) =>
  grantOf(identity, 'cadre')?.villageId === n.placeId || grantOf(identity, 'townAdmin')?.townId === n.placeId

/** Changes a notice of the caller's village or town, with its audit record, in one transaction. */
async function changeNotice(ctx: RouteCtx, noticeId: string, patch: Partial<NoticeDoc>): Promise<NoticeView> {
  const after = await transact(ctx, async tx => {
    const n = await tx.get('notices', noticeId)
    if (!n) throw new AppError('NOT_FOUND', '没有找到这条通知')
    if (!mayManage(ctx.identity, n)) throw new AppError('FORBIDDEN', '只能管理本村（本镇）发的通知')
    await tx.update('notices', noticeId, patch)
    await ctx.audit.inTransaction(tx, {
      target: n.title,
      before: { pinned: n.pinned, withdrawn: n.withdrawn },
      after: patch,
      placeId: n.placeId
    })
    return { ...n, ...patch }
  })
  return toNoticeView(after, false, true)
}

export const noticeRoutes = {
  'notice.publish': {
    access: publishers,
    scope: 'area',
    audit: 'notice.publish',
    async handle({ requestId, toTown, ...fields }, ctx) {
      const placeId = publishPlace(ctx, toTown)
      const [place] = await Promise.all([
        data(ctx).places.get(placeId),
        checkText(ctx, fields.title, fields.body, ...fields.financeRows.map(r => r.item))
      ])
      const doc: NoticeDoc = {
        _id: idFor('notice', ctx.openid, requestId),
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
      await data(ctx).notices.add(doc)
      ctx.audit.record({ target: doc.title, before: null, after: { kind: doc.kind, pinned: doc.pinned }, placeId })
      return toNoticeView(doc, false, true)
    }
  },

  'notice.withdraw': {
    access: publishers,
    scope: 'area',
    audit: 'notice.withdraw',
    handle: ({ noticeId }, ctx) => changeNotice(ctx, noticeId, { withdrawn: true, pinned: false })
  },

  'notice.pin': {
    access: publishers,
    scope: 'area',
    audit: 'notice.pin',
    handle: ({ noticeId, pinned }, ctx) => changeNotice(ctx, noticeId, { pinned })
  },

  'notice.list': {
    access: readers,
    scope: 'own',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const places = await readablePlaces(ctx)
      const found = await data(ctx).notices.page(
        { placeId: ctx.db.command.in(places), withdrawn: false },
        [
          ['pinned', 'desc'],
          ['at', 'desc']
        ],
        ctx.paging
      )
      const household = grantOf(ctx.identity, 'villager')?.householdId
      const readIds = household ? found.rows.map(n => settledIds.read(n._id, household)) : []
      const reads = await data(ctx).reads.getMany(readIds)
      return listOf('notices', found, n =>
        toNoticeView(n, !!household && reads.has(settledIds.read(n._id, household)), mayManage(ctx.identity, n))
      )
    }
  },

  /** Opening a notice marks it read for the reader's household. */
  'notice.open': {
    access: readers,
    scope: 'own',
    async handle({ noticeId }, ctx) {
      const [n, places] = await Promise.all([data(ctx).notices.get(noticeId), readablePlaces(ctx)])
      if (!n || n.withdrawn || !places.includes(n.placeId)) throw new AppError('NOT_FOUND', '没有找到这条通知')
      const household = grantOf(ctx.identity, 'villager')?.householdId
      if (!household) return toNoticeView(n, false, mayManage(ctx.identity, n))
      // the household's first reader counts it, once: the read document and the count in one transaction
      const counted = await transact(ctx, async tx => {
        const readId = settledIds.read(n._id, household)
        if (await tx.get('reads', readId)) return n
        const now = await tx.get('notices', n._id)
        await tx.add('reads', { _id: readId, noticeId: n._id, householdId: household, by: ctx.openid, at: ctx.now() })
        await tx.update('notices', n._id, { readCount: (now?.readCount ?? 0) + 1 })
        return { ...n, readCount: (now?.readCount ?? 0) + 1 }
      })
      return toNoticeView(counted, true, mayManage(ctx.identity, counted))
    }
  }
} satisfies Partial<Routes>
