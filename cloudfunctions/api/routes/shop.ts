import { refuseOwnHousehold } from '../conflict'
import { AppError } from '../../../core/contract/errors'
import { canMoveOrder, limitRefusal, purchaseProblem, withPurchase } from '../../../core/domain/shop'
import type { GoodsDoc, OrderDoc } from '../../shared/data/documents'
import { idFor, requestKeyFor, settledIds } from '../../shared/data/ids'
import { data, listOf } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import { toGoodsView, toOrderView } from '../../shared/data/views'
import { actorName, Identity } from '../router/identity'
import { grantOf } from '../router/scope'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { writeEntry } from '../services/ledger'
import { tellOrderReady } from '../services/notify'

/**
 * The points shop (积分超市). A redemption is one ledger transaction: the household's balance (never
 * below zero), the redemption entry, the goods' stock (never below zero), the household's count
 * against the goods' limit, and the order. A cancellation is the reverse, once: a refund entry whose
 * id is fixed by the order, the stock and count given back, the order cancelled.
 */

/** A village shop has tens of goods. */
const GOODS_MAX = 200

/** Redeems goods for a household: online (ordered, to collect) or at the desk (collected at once). */
async function redeem(
  ctx: RouteCtx,
  input: {
    requestId: string
    householdId: string
    villageId: string
    goodsId: string
    quantity: number
    channel: OrderDoc['channel']
  }
): Promise<{ order: OrderDoc; fresh: boolean }> {
  const orderId = idFor('order', ctx.openid, input.requestId)
  const existing = await data(ctx).orders.get(orderId)
  if (existing) return { order: existing, fresh: false } // a retry of a redemption that went through
  let order: OrderDoc | null = null
  const posted = await writeEntry(ctx, {
    id: settledIds.redemption(orderId),
    requestKey: requestKeyFor(ctx.openid, input.requestId),
    householdId: input.householdId,
    villageId: input.villageId,
    kind: 'redemption',
    points: 0, // the price, read inside the transaction below
    rule: null,
    note: '',
    evidence: [],
    by: ctx.openid,
    byName: actorName(ctx),
    keepNonNegative: true,
    async alsoInTransaction(tx, household) {
      const g = await tx.get('goods', input.goodsId)
      if (!g) throw new AppError('NOT_FOUND', '没有找到这件商品')
      if (g.villageId !== input.villageId) throw new AppError('OTHER_VILLAGE')
      const now = ctx.now()
      const terms = { ...g, id: g._id }
      const problem = purchaseProblem(terms, household.purchases ?? {}, input.quantity, now)
      if (problem === 'LIMIT_REACHED' && terms.limit)
        throw new AppError(problem, limitRefusal({ ...terms, limit: terms.limit }, household.purchases ?? {}, now))
      if (problem) throw new AppError(problem)
      order = {
        _id: orderId,
        villageId: input.villageId,
        householdId: household._id,
        doorPlate: household.doorPlate,
        head: household.head,
        goodsId: g._id,
        goodsName: g.name,
        limit: g.limit,
        quantity: input.quantity,
        points: g.price * input.quantity,
        state: input.channel === 'desk' ? 'collected' : 'ordered',
        channel: input.channel,
        by: ctx.openid,
        byName: actorName(ctx),
        at: now,
        entryId: settledIds.redemption(orderId),
        collectedAt: input.channel === 'desk' ? now : null,
        collectedBy: input.channel === 'desk' ? ctx.openid : null,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: ''
      }
      await tx.update('goods', g._id, { stock: g.stock - input.quantity })
      await tx.add('orders', order)
      return {
        points: -order.points,
        note: `${g.name} × ${input.quantity}`,
        householdPatch: {
          purchases: ctx.db.command.set(
            withPurchase({ id: g._id, limit: g.limit }, household.purchases ?? {}, input.quantity, now)
          )
        }
      }
    }
  })
  // A call that lost the race to another call with this request id built an order in a transaction
  // attempt that was abandoned (maybe for other goods): it answers with the order that was stored.
  if (!posted.repeated && order) return { order, fresh: true }
  return { order: (await data(ctx).orders.get(orderId))!, fresh: false }
}

/** Whether the caller may cancel the order: the village's cadre, or a villager of the household. */
function cancelsAs(identity: Identity, o: OrderDoc): 'cadre' | 'owner' {
  if (grantOf(identity, 'cadre')?.villageId === o.villageId) return 'cadre'
  if (grantOf(identity, 'villager')?.householdId === o.householdId) return 'owner'
  throw new AppError('FORBIDDEN')
}

export const shopRoutes = {
  'shop.goods': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    paging: { max: GOODS_MAX },
    async handle(_input, ctx) {
      const { villageId } = ctx.scope
      const isCadre = grantOf(ctx.identity, 'cadre')?.villageId === villageId
      const mine = grantOf(ctx.identity, 'villager')
      const [goods, household] = await Promise.all([
        data(ctx).goods.find(isCadre ? { villageId } : { villageId, onShelf: true }, { limit: ctx.paging.size }),
        mine ? data(ctx).households.get(mine.householdId) : null
      ])
      const sorted = goods.sort((a, b) => Number(b.onShelf) - Number(a.onShelf) || a.price - b.price)
      return { goods: sorted.map(g => toGoodsView(g, household, ctx.now())), balance: household?.balance ?? null }
    }
  },

  'shop.saveGoods': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'shop.saveGoods',
    async handle({ requestId, goodsId, ...fields }, ctx) {
      const { villageId } = ctx.scope
      await checkText(ctx, fields.name)
      const id = goodsId ?? idFor('goods', ctx.openid, requestId)
      const existing = goodsId ? await data(ctx).goods.get(goodsId) : null
      if (goodsId && !existing) throw new AppError('NOT_FOUND', '没有找到这件商品')
      if (existing) ctx.scope.check(existing)
      const doc: GoodsDoc = { _id: id, villageId, ...fields, updatedAt: ctx.now() }
      await data(ctx).goods.set(doc)
      ctx.audit.record({
        target: fields.name,
        before: existing && { price: existing.price, stock: existing.stock, onShelf: existing.onShelf },
        after: { price: fields.price, stock: fields.stock, onShelf: fields.onShelf }
      })
      return toGoodsView(doc, null, ctx.now())
    }
  },

  'shop.order': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the order and its ledger entry record who redeemed what and when' },
    async handle({ requestId, goodsId, quantity }, ctx) {
      const { householdId, villageId } = ctx.scope
      const placed = await redeem(ctx, { requestId, householdId, villageId, goodsId, quantity, channel: 'online' })
      // the shop has it in stock: it is ready to collect at once (told once, by the call that placed it)
      if (placed.fresh) await tellOrderReady(ctx, ctx.openid, placed.order.goodsName, placed.order.points)
      return toOrderView(placed.order)
    }
  },

  'shop.redeemAtDesk': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'shop.redeemAtDesk',
    async handle({ requestId, householdId, goodsId, quantity }, ctx) {
      const { villageId } = ctx.scope
      refuseOwnHousehold(ctx, householdId)
      const { order: done } = await redeem(ctx, {
        requestId,
        householdId,
        villageId,
        goodsId,
        quantity,
        channel: 'desk'
      })
      ctx.audit.record({
        target: done.doorPlate,
        before: null,
        after: { goods: done.goodsName, quantity, points: done.points }
      })
      return toOrderView(done)
    }
  },

  'shop.collect': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'shop.collect',
    handle: async ({ orderId }, ctx) =>
      toOrderView(
        await transact(ctx, async tx => {
          const o = await tx.get('orders', orderId)
          if (!o) throw new AppError('NOT_FOUND', '没有找到这个订单')
          ctx.scope.check(o)
          if (!canMoveOrder(o.state, 'collected')) throw new AppError('STATE_CHANGED')
          const change = { state: 'collected' as const, collectedAt: ctx.now(), collectedBy: ctx.openid }
          await tx.update('orders', orderId, change)
          await ctx.audit.inTransaction(tx, {
            target: o.doorPlate,
            before: { state: 'ordered' },
            after: { state: 'collected', goods: o.goodsName }
          })
          return { ...o, ...change }
        })
      )
  },

  'shop.cancel': {
    access: roles('villager', 'cadre'),
    scope: 'village',
    audit: 'shop.cancel',
    async handle({ requestId, orderId, reason }, ctx) {
      const o = await data(ctx).orders.get(orderId)
      if (!o) throw new AppError('NOT_FOUND', '没有找到这个订单')
      const as = cancelsAs(ctx.identity, o)
      await checkText(ctx, reason)
      const change = {
        state: 'cancelled' as const,
        cancelledAt: ctx.now(),
        cancelledBy: ctx.openid,
        cancelReason: reason
      }
      // the refund's id is fixed by the order: a second cancellation meets it and refunds nothing
      await writeEntry(ctx, {
        id: settledIds.refund(o._id),
        requestKey: requestKeyFor(ctx.openid, requestId),
        takenError: new AppError('STATE_CHANGED'),
        householdId: o.householdId,
        villageId: o.villageId,
        kind: 'refund',
        points: o.points,
        rule: null,
        note: `退还：${o.goodsName} × ${o.quantity}`,
        evidence: [],
        by: ctx.openid,
        byName: actorName(ctx),
        audit: ctx.audit.draft({
          target: o.doorPlate,
          before: { state: o.state },
          after: { state: 'cancelled', refund: o.points, reason, by: as === 'cadre' ? '村干部' : '村民' },
          placeId: o.villageId
        }),
        async alsoInTransaction(tx, household) {
          const [now, g] = await Promise.all([tx.get('orders', o._id), tx.get('goods', o.goodsId)])
          if (!now || !canMoveOrder(now.state, 'cancelled')) throw new AppError('STATE_CHANGED')
          await tx.update('orders', o._id, change)
          if (g) await tx.update('goods', g._id, { stock: g.stock + o.quantity })
          return {
            householdPatch: {
              purchases: ctx.db.command.set(
                withPurchase({ id: o.goodsId, limit: o.limit }, household.purchases ?? {}, -o.quantity, o.at)
              )
            }
          }
        }
      })
      return toOrderView({ ...o, ...change })
    }
  },

  'shop.myOrders': {
    access: roles('villager'),
    scope: 'household',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const where = { householdId: ctx.scope.householdId }
      const found = await data(ctx).orders.page(where, [['at', 'desc']], ctx.paging)
      return listOf('orders', found, toOrderView)
    }
  },

  'shop.orders': {
    access: roles('cadre'),
    scope: 'village',
    paging: { size: 20 },
    async handle({ state }, ctx) {
      const { villageId } = ctx.scope
      const where = state === 'all' ? { villageId } : { villageId, state }
      const found = await data(ctx).orders.page(where, [['at', 'desc']], ctx.paging)
      return listOf('orders', found, toOrderView)
    }
  }
} satisfies Partial<Routes>
