import Taro from '@tarojs/taro'
import type { RouteInput, RouteName, RouteResult } from '../../core/contract/routes'
import type { ErrorCode, Reply } from '../../core/contract/errors'

/**
 * The one typed client of the `api` function. Pages call `call(route, input)` and get the route's
 * result, or an ApiError with the stable code and the Chinese message to show. In WeChat it goes
 * through Taro.cloud.callFunction; in the browser (h5) it posts to the local host's /fn/api.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string
  ) {
    super(message)
  }
}

interface Payload {
  route: string
  input: unknown
}

async function send(payload: Payload): Promise<Reply<unknown>> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.callFunction({ name: 'api', data: { ...payload } })
    return res.result as Reply<unknown>
  }
  const res = await fetch('/fn/api', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload)
  })
  if (res.status === 401) {
    // the browser stand-in for WeChat's login: the local cloud's dev login page
    window.location.href = `/__dev/login?next=${encodeURIComponent(window.location.pathname + window.location.hash)}`
    return new Promise(() => {})
  }
  if (!res.ok) return { ok: false, code: 'INTERNAL', message: '系统出了点问题，请稍后再试' }
  return res.json()
}

export async function call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteResult<R>> {
  let reply: Reply<unknown>
  try {
    reply = await send({ route, input })
  } catch {
    throw new ApiError('NETWORK', '网络不好，请稍后再试')
  }
  if (!reply.ok) throw new ApiError(reply.code, reply.message)
  return reply.data as RouteResult<R>
}
