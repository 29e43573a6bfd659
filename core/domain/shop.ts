import { periodKeys } from './period'
import type { CapPeriod } from './rules'
import type { ErrorCode } from './errors'

/**
 * The points shop (积分超市): goods with a points price, a stock and an optional limit per household
 * per period. Pure rules; the shop routes apply them inside the ledger's transaction.
 */
export type OrderState = 'ordered' | 'collected' | 'cancelled'
export const ORDER_STATE_NAMES: Record<OrderState, string> = {
  ordered: '待领取',
  collected: '已领取',
  cancelled: '已取消'
}

const ORDER_MOVES: Record<OrderState, OrderState[]> = {
  ordered: ['collected', 'cancelled'],
  collected: [],
  cancelled: []
}
export const canMoveOrder = (from: OrderState, to: OrderState) => ORDER_MOVES[from].includes(to)

export interface GoodsTerms {
  price: number
  stock: number
  onShelf: boolean
  limit: { period: CapPeriod; max: number } | null
}

/** How many of each goods a household bought in the goods' current limit period. */
export type Purchases = Record<string, { period: string; count: number }>

/** Why this household cannot take `quantity` of these goods now, or null. The balance is checked by the ledger. */
export function purchaseProblem(
  goods: GoodsTerms & { id: string },
  purchases: Purchases,
  quantity: number,
  at: number
): ErrorCode | null {
  if (!goods.onShelf) return 'GOODS_OFF_SHELF'
  if (goods.stock < quantity) return 'OUT_OF_STOCK'
  if (goods.limit && boughtInPeriod(goods, purchases, at) + quantity > goods.limit.max) return 'LIMIT_REACHED'
  return null
}

const LIMIT_PERIOD_NAMES: Record<CapPeriod, string> = { month: '本月', quarter: '本季度', year: '今年' }

/**
 * The words of a LIMIT_REACHED refusal: the limit, what the household took this period and what is
 * left, so asking for 3 of a limit of 2 is not told "已经换满了" when nothing was taken yet.
 */
export function limitRefusal(
  goods: { id: string; limit: { period: CapPeriod; max: number } },
  purchases: Purchases,
  at: number
): string {
  const { period, max } = goods.limit
  const name = LIMIT_PERIOD_NAMES[period]
  const used = boughtInPeriod(goods, purchases, at)
  const terms = `这件商品每户${name}限换${max}件`
  return used >= max ? `${terms}，${name}已经换满了` : `${terms}，${name}已换${used}件，还能换${max - used}件`
}

export function boughtInPeriod(
  goods: { id: string; limit: GoodsTerms['limit'] },
  purchases: Purchases,
  at: number
): number {
  if (!goods.limit) return 0
  const current = purchases[goods.id]
  return current?.period === periodKeys(at)[goods.limit.period] ? current.count : 0
}

/** The household's purchases after buying (+n) or a cancellation giving back (−n) in the period of `orderedAt`. */
export function withPurchase(
  goods: { id: string; limit: GoodsTerms['limit'] },
  purchases: Purchases,
  delta: number,
  orderedAt: number
): Purchases {
  if (!goods.limit) return purchases
  const period = periodKeys(orderedAt)[goods.limit.period]
  const current = purchases[goods.id]
  if (current && current.period > period) return purchases // a cancellation of an older period's order
  const count = (current?.period === period ? current.count : 0) + delta
  return { ...purchases, [goods.id]: { period, count: Math.max(0, count) } }
}
