import path from 'node:path'
import { ROOT } from './local-cloud'

export const WEAPP = path.join(ROOT, 'dist/weapp')
const simulate = require('miniprogram-simulate')

export interface WxCloudStandIn {
  callFunction: (name: string, data: any) => Promise<{ result: unknown }>
  /** what the app's `Taro.cloud.init` was called with */
  init?: (options: unknown) => void
}

/**
 * The globals a compiled Taro mini-program expects from WeChat (TOOLCHAIN.md, miniprogram-simulate),
 * then the app itself: its App() config is captured and launched. `cloud` stands in for wx.cloud,
 * WeChat's client transport, which cannot exist here. `extra` adds or replaces wx APIs before the app
 * loads (Taro binds its API wrappers to what wx has at that moment).
 */
export function installMiniProgram(cloud: WxCloudStandIn, extra: Record<string, unknown> = {}) {
  const g = globalThis as any
  let appConfig: any
  g.wx = require('miniprogram-simulate/src/api')
  g.wx.cloud = {
    init: (options: unknown) => cloud.init?.(options),
    callFunction: ({ name, data, success, fail, complete }: any) => {
      const done = cloud.callFunction(name, data).then(
        out => ({ result: out.result, errMsg: 'cloud.callFunction:ok' }),
        error => Promise.reject({ errMsg: `cloud.callFunction:fail ${error.message}` })
      )
      // the callbacks' chain is a side branch: the caller handles `done`'s rejection itself
      done.then(success, (e: unknown) => fail?.(e)).finally(complete)
      return done
    }
  }
  Object.assign(g.wx, extra)
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
}

/** Loads and attaches a compiled page, e.g. `pages/index/index`. */
export function openPage(page: string) {
  const id = simulate.load(path.join(WEAPP, page), { compiler: 'official', rootPath: WEAPP })
  const rendered = simulate.render(id)
  rendered.attach(document.createElement('parent-wrapper'))
  return rendered
}

/**
 * Waits until `check` holds, looking every 50 ms, for 15 s at most; the caller's assertion then says
 * what did not happen. The bound is generous because the page's calls go through the local cloud,
 * which takes seconds on a loaded machine; a check that holds returns at once.
 */
export async function settle(check: () => boolean, timeoutMs = 15_000) {
  for (const giveUpAt = Date.now() + timeoutMs; !check() && Date.now() < giveUpAt;)
    await new Promise(r => setTimeout(r, 50))
}
