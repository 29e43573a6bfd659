import type { EntryView } from '../../../core/contract/views'
import { formatDateTime } from '../../../core/domain/period'
import type { Ctx } from '../../shared/context'

/**
 * Telling villagers (订阅消息): when their household's points change, when their issue gets a reply,
 * when an order is ready to collect. A one-time subscribe message needs the user's consent (asked at
 * the tap that leads to it); without it WeChat refuses (43101), which is expected and only logged. A
 * notification never fails the act it tells of.
 */
const short = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

async function tell(
  ctx: Pick<Ctx, 'openapi' | 'log'>,
  openids: readonly string[],
  templateId: string,
  page: string,
  data: Record<string, string>
) {
  if (!templateId || openids.length === 0) return
  const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }]))
  await Promise.all(
    openids.map(touser =>
      ctx.openapi
        .sendSubscribeMessage({ touser, templateId, page, data: values })
        .catch(e => ctx.log.info('not told', { touser, templateId, error: String(e?.errMsg ?? e?.message ?? e) }))
    )
  )
}

export const tellPointsChanged = (
  ctx: Pick<Ctx, 'openapi' | 'log' | 'templates'>,
  openids: readonly string[],
  entry: EntryView,
  balance: number
) =>
  tell(ctx, openids, ctx.templates.points, 'pages/index/index', {
    thing1: short(entry.title),
    number2: String(entry.points),
    number3: String(balance),
    time4: formatDateTime(entry.at)
  })

export const tellIssueReplied = (
  ctx: Pick<Ctx, 'openapi' | 'log' | 'templates'>,
  openid: string,
  category: string,
  reply: string,
  at: number
) =>
  tell(ctx, [openid], ctx.templates.issue, 'packages/villager/pages/issues/index', {
    thing1: short(category),
    thing2: short(reply),
    time3: formatDateTime(at)
  })

export const tellOrderReady = (
  ctx: Pick<Ctx, 'openapi' | 'log' | 'templates'>,
  openid: string,
  goodsName: string,
  points: number
) =>
  tell(ctx, [openid], ctx.templates.order, 'pages/shop/index', {
    thing1: short(goodsName),
    number2: String(points),
    thing3: '村积分超市'
  })
