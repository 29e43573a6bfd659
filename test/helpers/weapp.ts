/**
 * The compiled mini-program with a recorder: wx.cloud.callFunction bound to a local cloud's function
 * host, and WeChat's client APIs the product depends on standing in as WeChat behaves where it
 * matters: `requestSubscribeMessage` fails unless it is called while a tap is being handled, pickers
 * wait for the privacy agreement, the update manager announces a new version when told.
 */
import type { LocalCloud } from '../../localcloud'
import { installMiniProgram } from './mini-program'

// The function host runs in this (jsdom) test environment, which lacks what Node's fetch (a function calling
// the open-API stand-ins) and the local cloud's storage need.
const nodeUtil = require('node:util')
const v8 = require('node:v8')
Object.assign(globalThis, {
  TextEncoder: nodeUtil.TextEncoder,
  TextDecoder: nodeUtil.TextDecoder,
  structuredClone: (value: unknown) => v8.deserialize(v8.serialize(value))
})

export interface Weapp {
  /** who the simulated WeChat user is: the host receives this openid, as the cloud would inject it */
  caller: string
  /** every wx.cloud.init call's options */
  cloudInits: unknown[]
  /** every api call the pages made: the route, the input, and once answered, the result and the host's time */
  apiCalls: { route: string; input: any; answered: boolean; result?: any; durationMs?: number }[]
  /** every requestSubscribeMessage call, and whether WeChat would have taken it (inside a tap) */
  subscribeRequests: { tmplIds: string[]; inTap: boolean }[]
  /** whether the user agrees to the 用户隐私保护指引 when requirePrivacyAuthorize asks */
  privacyAgreed: boolean
  /** every privacy request and picker call, by API name, in order */
  privacyCalls: string[]
  /** every modal shown; `modalConfirms` is the user's answer */
  modals: { title: string; content: string }[]
  modalConfirms: boolean
  navigations: string[]
  /** the update manager: `announceUpdate()` is WeChat saying a new version is downloaded */
  announceUpdate: () => void
  updateApplied: boolean
}

let tapping = false

/**
 * The compiled app (test/helpers/mini-program.ts) with WeChat's client APIs the product depends on
 * standing in as WeChat behaves, and every call recorded.
 */
export function launchWeapp(lc: LocalCloud, caller: string): Weapp {
  const weapp: Weapp = {
    caller,
    cloudInits: [],
    apiCalls: [],
    subscribeRequests: [],
    privacyAgreed: true,
    privacyCalls: [],
    modals: [],
    modalConfirms: false,
    navigations: [],
    announceUpdate: () => undefined,
    updateApplied: false
  }
  const callFunction = (name: string, data: any) => {
    const call: Weapp['apiCalls'][number] = { route: data?.route, input: data?.input, answered: false }
    weapp.apiCalls.push(call)
    return lc
      .host!.invoke(name, data, { openid: weapp.caller })
      .then(out => {
        Object.assign(call, { result: out.result, durationMs: out.durationMs })
        return out
      })
      .finally(() => (call.answered = true))
  }
  const answer = (callbacks: any, ok: boolean, reply: object) =>
    setTimeout(() => {
      ;(ok ? callbacks.success : callbacks.fail)?.(reply)
      callbacks.complete?.(reply)
    })
  installMiniProgram(
    { callFunction, init: options => weapp.cloudInits.push(options) },
    {
      requestSubscribeMessage: (options: any) => {
        weapp.subscribeRequests.push({ tmplIds: options.tmplIds, inTap: tapping })
        const reply = tapping
          ? {
              errMsg: 'requestSubscribeMessage:ok',
              ...Object.fromEntries(options.tmplIds.map((id: string) => [id, 'accept']))
            }
          : { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 10004 }
        answer(options, tapping, reply)
      },
      requirePrivacyAuthorize: (options: any) => {
        weapp.privacyCalls.push('requirePrivacyAuthorize')
        const ok = weapp.privacyAgreed
        answer(options, ok, {
          errMsg: `requirePrivacyAuthorize:${ok ? 'ok' : 'fail privacy permission is not authorized'}`
        })
      },
      chooseImage: (options: any) => {
        weapp.privacyCalls.push('chooseImage')
        answer(options, false, { errMsg: 'chooseImage:fail cancel' }) // the user backs out of the picker
      },
      showModal: (options: any) => {
        weapp.modals.push({ title: options.title, content: options.content })
        answer(options, true, { errMsg: 'showModal:ok', confirm: weapp.modalConfirms, cancel: !weapp.modalConfirms })
      },
      navigateTo: (options: any) => {
        weapp.navigations.push(options.url)
        answer(options, true, { errMsg: 'navigateTo:ok' })
      },
      getUpdateManager: () => ({
        onCheckForUpdate: () => undefined,
        onUpdateReady: (listener: () => void) => (weapp.announceUpdate = listener),
        onUpdateFailed: () => undefined,
        applyUpdate: () => (weapp.updateApplied = true)
      })
    }
  )
  return weapp
}

/**
 * A tap on a rendered node, as WeChat delivers it. j-component dispatches the event in a microtask; the
 * "inside a tap" flag goes up in the microtask queued just before that one and down in the one queued
 * just after, so it is up exactly while the handler runs synchronously: whatever a handler does after
 * an `await` runs later, outside the tap, as in WeChat.
 */
export function tap(node: { dispatchEvent: (name: string) => void }) {
  void Promise.resolve().then(() => (tapping = true))
  node.dispatchEvent('tap')
  void Promise.resolve().then(() => (tapping = false))
}
