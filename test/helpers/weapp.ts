/**
 * The compiled mini-program (dist/weapp) in miniprogram-simulate, WeChat's component simulator with
 * the real wcc template compiler. The page's wx.cloud.callFunction, WeChat's client transport that
 * cannot exist here, is bound to a local cloud's function host running the built api function.
 * WeChat's client APIs the pages call are stand-ins that behave as WeChat does where it matters:
 * `requestSubscribeMessage` fails unless it is called while a tap is being handled.
 */
import path from 'node:path'
import type { LocalCloud } from '../../localcloud'
import { ROOT } from './local-cloud'

const simulate = require('miniprogram-simulate')
// The function host runs in this (jsdom) test environment, which lacks what Node's fetch (a function calling
// the open-API stand-ins) and the local cloud's storage need.
const nodeUtil = require('node:util')
const v8 = require('node:v8')
Object.assign(globalThis, {
  TextEncoder: nodeUtil.TextEncoder,
  TextDecoder: nodeUtil.TextDecoder,
  structuredClone: (value: unknown) => v8.deserialize(v8.serialize(value))
})
export const WEAPP = path.join(ROOT, 'dist/weapp')

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

/** Installs WeChat's globals, loads app.js and launches the app, as WeChat does before the first page. */
export function launchWeapp(lc: LocalCloud, caller: string): Weapp {
  const g = globalThis as any
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
  let appConfig: any
  g.wx = require('miniprogram-simulate/src/api')
  g.wx.cloud = {
    init: (options: unknown) => void weapp.cloudInits.push(options),
    callFunction: ({ name, data, success, fail, complete }: any) => {
      const call: Weapp['apiCalls'][number] = { route: data?.route, input: data?.input, answered: false }
      weapp.apiCalls.push(call)
      const done = lc
        .host!.invoke(name, data, { openid: weapp.caller })
        .then(
          out => {
            Object.assign(call, { result: out.result, durationMs: out.durationMs })
            return { result: out.result, errMsg: 'cloud.callFunction:ok' }
          },
          error => Promise.reject({ errMsg: `cloud.callFunction:fail ${error.message}` })
        )
        .finally(() => (call.answered = true))
      done.then(success, fail).finally(complete)
      return done
    }
  }
  g.wx.requestSubscribeMessage = ({ tmplIds, success, fail, complete }: any) => {
    weapp.subscribeRequests.push({ tmplIds, inTap: tapping })
    const reply = tapping
      ? { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(tmplIds.map((id: string) => [id, 'accept'])) }
      : { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 10004 }
    setTimeout(() => {
      ;(tapping ? success : fail)?.(reply)
      complete?.(reply)
    })
  }
  const answer = (callbacks: any, ok: boolean, reply: object) =>
    setTimeout(() => {
      ;(ok ? callbacks.success : callbacks.fail)?.(reply)
      callbacks.complete?.(reply)
    })
  g.wx.requirePrivacyAuthorize = (callbacks: any) => {
    weapp.privacyCalls.push('requirePrivacyAuthorize')
    const ok = weapp.privacyAgreed
    answer(callbacks, ok, {
      errMsg: `requirePrivacyAuthorize:${ok ? 'ok' : 'fail privacy permission is not authorized'}`
    })
  }
  g.wx.chooseImage = (options: any) => {
    weapp.privacyCalls.push('chooseImage')
    answer(options, false, { errMsg: 'chooseImage:fail cancel' }) // the user backs out of the picker
  }
  g.wx.showModal = (options: any) => {
    weapp.modals.push({ title: options.title, content: options.content })
    answer(options, true, { errMsg: 'showModal:ok', confirm: weapp.modalConfirms, cancel: !weapp.modalConfirms })
  }
  g.wx.navigateTo = (options: any) => {
    weapp.navigations.push(options.url)
    answer(options, true, { errMsg: 'navigateTo:ok' })
  }
  g.wx.getUpdateManager = () => ({
    onCheckForUpdate: () => undefined,
    onUpdateReady: (listener: () => void) => (weapp.announceUpdate = listener),
    onUpdateFailed: () => undefined,
    applyUpdate: () => (weapp.updateApplied = true)
  })
  g.App = (config: any) => (appConfig = config)
  g.getApp = () => appConfig
  g.getCurrentPages = () => []
  g.requirePlugin = () => ({})
  g.Page = (config: any) => {
    const methods = Object.fromEntries(Object.entries(config).filter(([, v]) => typeof v === 'function'))
    return g.Component({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: any) {
          this.onLoad?.({})
          this.onShow?.()
          this.onReady?.()
        }
      }
    })
  }
  require(path.join(WEAPP, 'app.js'))
  appConfig.onLaunch?.({})
  return weapp
}

/** Renders a page of the build (path under dist/weapp, without extension). */
export function renderPage(pagePath: string) {
  const id = simulate.load(path.join(WEAPP, pagePath), { compiler: 'official', rootPath: WEAPP })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
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

export async function settle(check: () => boolean, attempts = 100) {
  for (let i = 0; i < attempts && !check(); i++) await new Promise(r => setTimeout(r, 50))
}
