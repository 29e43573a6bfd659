import { AppError } from '../../../core/contract/errors'
import type { GoodsView, OrderView } from '../../../core/contract/views'
import { boughtInPeriod, canMoveOrder, purchaseProblem, withPurchase } from '../../../core/domain/shop'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { tellOrderReady } from '../notify'
import { getDoc } from '../identity'
import { post, Posted, requestKeyFor, transact, transactionGet } from '../ledger'
import type { GoodsDoc, HouseholdDoc, OrderDoc } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { actorName, cadreVillage, grantOf, myHousehold, myVillage } from '../scope'
import { hashId } from '../ids'

/**
 * The points shop (积分超市). A redemption is one ledger transaction: the household's balance (never
 * below zero), the redemption entry, the goods' stock (never below zero), the household's count
 * against the goods' limit, and the order. A cancellation is the reverse, once: a refund entry whose
 * id is fixed by the order, the stock and count given back, the order cancelled.
 */

const PAGE = 20

const toGoodsView = (g: GoodsDoc, household: HouseholdDoc | null, now: number): GoodsView => ({
  id: g._id,
  name: g.name,
  picture: g.picture,
  price: g.price,
  stock: g.stock,
  onShelf: g.onShelf,
  limit: g.limit,
  leftForMe:
    household && g.limit
      ? Math.max(0, g.limit.max - boughtInPeriod({ id: g._id, limit: g.limit }, household.purchases ?? {}, now))
      : null,
  affordable: household ? household.balance >= g.price : false
})

export const toOrderView = (o: OrderDoc): OrderView => ({
  id: o._id,
  householdId: o.householdId,
  doorPlate: o.doorPlate,
  head: o.head,
  goodsId: o.goodsId,
  goodsName: o.goodsName,
  quantity: o.quantity,
  points: o.points,
  state: o.state,
  channel: o.channel,
  byName: o.byName,
  at: o.at,
  collectedAt: o.collectedAt,
  cancelledAt: o.cancelledAt,
  cancelReason: o.cancelReason
})

export const goods: Handler<'shop.goods'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  async handle(_input, ctx) {
    const villageId = myVillage(ctx)
    const isCadre = grantOf(ctx, 'cadre')?.villageId === villageId
    const mine = grantOf(ctx, 'villager')
    const [res, household] = await Promise.all([
      ctx.db
        .collection('goods')
        .where(isCadre ? { villageId } : { villageId, onShelf: true })
        .limit(200)
        .get() as unknown as Promise<{ data: GoodsDoc[] }>,
      mine ? getDoc<HouseholdDoc>(ctx, 'households', mine.householdId) : null
    ])
    const sorted = res.data.sort((a, b) => Number(b.onShelf) - Number(a.onShelf) || a.price - b.price)
    return { goods: sorted.map(g => toGoodsView(g, household, ctx.now())), balance: household?.balance ?? null }
  }
}

export const saveGoods: Handler<'shop.saveGoods'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, goodsId, ...fields }, ctx) {
    const villageId = cadreVillage(ctx)
    await checkText(ctx, fields.name)
    const id = goodsId ?? hashId('g-', 24, ctx.openid, requestId)
    const existing = goodsId ? await getDoc<GoodsDoc>(ctx, 'goods', goodsId) : null
    if (goodsId && !existing) throw new AppError('NOT_FOUND', '没有找到这件商品')
    if (existing && existing.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    const doc: GoodsDoc = { _id: id, villageId, ...fields, updatedAt: ctx.now() }
    const { _id, ...data } = doc
    await ctx.db.collection('goods').doc(id).set({ data })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        villageId,
        'shop.saveGoods',
        fields.name,
        existing && { price: existing.price, stock: existing.stock, onShelf: existing.onShelf },
        { price: fields.price, stock: fields.stock, onShelf: fields.onShelf }
      )
    )
    return toGoodsView(doc, null, ctx.now())
  }
}

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
  const orderId = hashId('o-', 24, ctx.openid, input.requestId)
  const existing = await getDoc<OrderDoc>(ctx, 'orders', orderId)
  if (existing) return { order: existing, fresh: false } // a retry of a redemption that went through
  let order: OrderDoc | null = null
  const posted = await post(ctx, {
    id: `rd-${orderId}`,
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
    async alsoInTransaction(t, household) {
      const g = await transactionGet<GoodsDoc>(t, 'goods', input.goodsId)
      if (!g) throw new AppError('NOT_FOUND', '没有找到这件商品')
      if (g.villageId !== input.villageId) throw new AppError('OTHER_VILLAGE')
      const now = ctx.now()
      const problem = purchaseProblem({ ...g, id: g._id }, household.purchases ?? {}, input.quantity, now)
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
        entryId: `rd-${orderId}`,
        collectedAt: input.channel === 'desk' ? now : null,
        collectedBy: input.channel === 'desk' ? ctx.openid : null,
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: ''
      }
      await t
        .collection('goods')
        .doc(g._id)
        .update({ data: { stock: g.stock - input.quantity } })
      await t.collection('orders').add({ data: order })
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
  return { order: (await getDoc<OrderDoc>(ctx, 'orders', orderId))!, fresh: false }
}

export const order: Handler<'shop.order'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ requestId, goodsId, quantity }, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const placed = await redeem(ctx, { requestId, householdId, villageId, goodsId, quantity, channel: 'online' })
    // the shop has it in stock: it is ready to collect at once (told once, by the call that placed it)
    if (placed.fresh) await tellOrderReady(ctx, ctx.openid, placed.order.goodsName, placed.order.points)
    return toOrderView(placed.order)
  }
}

export const redeemAtDesk: Handler<'shop.redeemAtDesk'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, householdId, goodsId, quantity }, ctx) {
    const villageId = cadreVillage(ctx)
    const { order: done } = await redeem(ctx, { requestId, householdId, villageId, goodsId, quantity, channel: 'desk' })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'shop.redeemAtDesk', householdId, null, {
        goods: done.goodsName,
        quantity,
        points: done.points
      })
    )
    return toOrderView(done)
  }
}

export const collect: Handler<'shop.collect'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, orderId }, ctx) {
    const villageId = cadreVillage(ctx)
    const done = await transact(ctx, async t => {
      const o = await transactionGet<OrderDoc>(t, 'orders', orderId)
      if (!o) throw new AppError('NOT_FOUND', '没有找到这个订单')
      if (o.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
      if (!canMoveOrder(o.state, 'collected')) throw new AppError('STATE_CHANGED')
      const change = { state: 'collected' as const, collectedAt: ctx.now(), collectedBy: ctx.openid }
      await t.collection('orders').doc(orderId).update({ data: change })
      return { ...o, ...change }
    })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        villageId,
        'shop.collect',
        done.householdId,
        { state: 'ordered' },
        { state: 'collected', goods: done.goodsName }
      )
    )
    return toOrderView(done)
  }
}

export const cancel: Handler<'shop.cancel'> = {
  access: { who: 'roles', roles: ['villager', 'cadre'] },
  async handle({ requestId, orderId, reason }, ctx) {
    const o = await getDoc<OrderDoc>(ctx, 'orders', orderId)
    if (!o) throw new AppError('NOT_FOUND', '没有找到这个订单')
    const asCadre = grantOf(ctx, 'cadre')?.villageId === o.villageId
    const asOwner = grantOf(ctx, 'villager')?.householdId === o.householdId
    if (!asCadre && !asOwner) throw new AppError('FORBIDDEN')
    await checkText(ctx, reason)
    const change = {
      state: 'cancelled' as const,
      cancelledAt: ctx.now(),
      cancelledBy: ctx.openid,
      cancelReason: reason
    }
    // the refund's id is fixed by the order: a second cancellation meets it and refunds nothing
    const refunded: Posted = await post(ctx, {
      id: `rf-${o._id}`,
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
      async alsoInTransaction(t, household) {
        const [now, g] = await Promise.all([
          transactionGet<OrderDoc>(t, 'orders', o._id),
          transactionGet<GoodsDoc>(t, 'goods', o.goodsId)
        ])
        if (!now || !canMoveOrder(now.state, 'cancelled')) throw new AppError('STATE_CHANGED')
        await t.collection('orders').doc(o._id).update({ data: change })
        if (g)
          await t
            .collection('goods')
            .doc(g._id)
            .update({ data: { stock: g.stock + o.quantity } })
        return {
          householdPatch: {
            purchases: ctx.db.command.set(
              withPurchase({ id: o.goodsId, limit: o.limit }, household.purchases ?? {}, -o.quantity, o.at)
            )
          }
        }
      }
    })
    if (asCadre)
      await recordAudit(
        ctx,
        auditIdFor(ctx, requestId),
        auditOf(
          ctx,
          o.villageId,
          'shop.cancel',
          o.householdId,
          { state: o.state },
          { state: 'cancelled', refund: refunded.entry.points, reason }
        )
      )
    return toOrderView({ ...o, ...change })
  }
}

export const myOrders: Handler<'shop.myOrders'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ page }, ctx) {
    const { householdId } = myHousehold(ctx)
    const res = (await ctx.db
      .collection('orders')
      .where({ householdId })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: OrderDoc[] }
    return { orders: res.data.slice(0, PAGE).map(toOrderView), page, hasMore: res.data.length > PAGE }
  }
}

export const orders: Handler<'shop.orders'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ state, page }, ctx) {
    const villageId = cadreVillage(ctx)
    const where = state === 'all' ? { villageId } : { villageId, state }
    const res = (await ctx.db
      .collection('orders')
      .where(where)
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: OrderDoc[] }
    return { orders: res.data.slice(0, PAGE).map(toOrderView), page, hasMore: res.data.length > PAGE }
  }
}
