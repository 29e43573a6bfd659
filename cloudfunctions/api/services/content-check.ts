import { AppError } from '../../../core/contract/errors'
import type { Ctx } from '../../shared/context'

/**
 * User text passes WeChat's content check (security.msgSecCheck) before anything is saved; in the
 * local cloud, its word list. All the texts of one request go in one check. A text the platform
 * would only send for review is refused too: nobody reviews it here.
 */
export async function checkText(ctx: Pick<Ctx, 'openid' | 'openapi' | 'log'>, ...texts: (string | undefined)[]) {
  const content = texts.filter(Boolean).join('\n')
  if (!content) return
  let verdict: { suggest: string }
  try {
    verdict = await ctx.openapi.msgSecCheck({ openid: ctx.openid, scene: 2, content })
  } catch (e) {
    ctx.log.error('content check failed', { error: String((e as Error)?.message ?? e) })
    throw new AppError('BUSY')
  }
  if (verdict.suggest !== 'pass') throw new AppError('CONTENT_REFUSED')
}
