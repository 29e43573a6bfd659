import Taro from '@tarojs/taro'
import type { SessionView } from '../../core/contract/views'
import { call } from './api'

/**
 * Asking WeChat for the user's consent to a subscribe message, at the tap that leads to it (the claim,
 * the issue, the order, or 我的 → 接收积分变动提醒). Only WeChat has this; the browser build skips it.
 *
 * WeChat accepts `requestSubscribeMessage` only while a tap is being handled: called after an `await`
 * it fails ("can only be invoked by user TAP gesture") and notifications later fail with 43101. So the
 * template ids are loaded when the app starts (`prepareToAsk`), and `askToBeTold` calls WeChat
 * synchronously, before its first await; the caller calls it first thing in the tap's handler.
 * A refusal is the user's choice and never blocks what they were doing.
 */
type Kind = keyof SessionView['subscribeTemplates']

let templates: SessionView['subscribeTemplates'] | null = null
let loading: Promise<void> | null = null

/** Loads the template ids once, so that a later tap can ask without waiting for the network. */
export function prepareToAsk(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || templates) return Promise.resolve()
  loading ??= call('me.session', {}).then(
    session => {
      templates = session.subscribeTemplates
    },
    () => {
      loading = null // try again at the next tap
    }
  )
  return loading
}

export function askToBeTold(kinds: Kind[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve()
  if (!templates) {
    // Not loaded yet (no signal at start): this tap cannot ask; the next one can.
    void prepareToAsk()
    return Promise.resolve()
  }
  const tmplIds = kinds.map(k => templates![k]).filter(Boolean)
  if (!tmplIds.length) return Promise.resolve()
  return Taro.requestSubscribeMessage({ tmplIds } as never).then(
    () => undefined,
    () => undefined // declined or unavailable: the act goes on without the message
  )
}
