import Taro from '@tarojs/taro'
import type { SessionView } from '../../core/contract/views'
import { call } from './api'

/**
 * Asking WeChat for the user's consent to a subscribe message, at the tap that leads to it (the claim,
 * the issue, the order, or 我的 → 接收积分变动提醒). Only WeChat has this; the browser build skips it.
 * A refusal is the user's choice and never blocks what they were doing.
 */
let templates: SessionView['subscribeTemplates'] | null = null

export async function askToBeTold(kinds: (keyof SessionView['subscribeTemplates'])[]) {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    templates ??= (await call('me.session', {})).subscribeTemplates
    const tmplIds = kinds.map(k => templates![k]).filter(Boolean)
    if (tmplIds.length) await Taro.requestSubscribeMessage({ tmplIds } as never)
  } catch {
    // declined or unavailable: the act goes on without the message
  }
}
