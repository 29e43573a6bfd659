import Taro from '@tarojs/taro'
import type { RouteInput, RouteName, RouteResult } from '../../core/contract/routes'
import { call } from './api'
import { isNetworkFailure, writeKey } from './write'

/**
 * A read whose last answer is kept on the phone and used when there is no signal: what a grid worker
 * needs to write a log or a proposal on patrol (their households, the rules). The copy may be old;
 * the server checks everything again when the queued write is sent.
 */
export async function callKeepingCopy<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteResult<R>> {
  const key = `copy:${writeKey(route, input)}`
  try {
    const fresh = await call(route, input)
    try {
      Taro.setStorageSync(key, fresh)
    } catch {
      // a full storage only costs the offline copy; the page has its data
    }
    return fresh
  } catch (e) {
    const copy = isNetworkFailure(e) ? (Taro.getStorageSync(key) as RouteResult<R> | '') : ''
    if (copy) return copy
    throw e
  }
}
