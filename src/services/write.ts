import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { RouteInput, RouteName, RouteResult } from '../../core/contract/routes'
import { ApiError, call } from './api'
import { asApiError } from './use-route'

/**
 * The one way the app writes. A write carries a request id, and the server applies one request id
 * once. So the id must outlive a lost reply: it is made when the user starts the action and kept
 * until the write succeeds or the user changes what they send; network failures are retried with
 * the same id, and a tap after a final failure sends the same id again.
 */

/** Tries per tap: the first and three retries. */
export const WRITE_ATTEMPTS_MAX = 4
/** Waits between tries: 0.5 s, 1 s, 2 s, so a tap gives up after about 3.5 s plus the tries themselves. */
export const WRITE_BACKOFF_FIRST_MS = 500
export const WRITE_BACKOFF_FACTOR = 2
/** Unsent writes a page remembers (one per distinct thing the user tried to send). */
export const REMEMBERED_WRITES_MAX = 50

export const NETWORK_FAILED_TITLE = '没有送到'
export const NETWORK_FAILED_MESSAGE = '网络不好，刚才没有送到。信号好些时再点一次，不会重复。'
/** What a write button says while its write is in flight. */
export const SUBMITTING = '提交中'

/** A route's input as a page writes it: the request id is this module's business. */
export type WriteInput<R extends RouteName> = Omit<RouteInput<R>, 'requestId'>

/** A fresh id for a write: a retry of the same write sends the same id and is applied once. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
}

export const backoffMs = (attempt: number) => WRITE_BACKOFF_FIRST_MS * WRITE_BACKOFF_FACTOR ** (attempt - 1)
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

export const isNetworkFailure = (e: unknown) => e instanceof ApiError && e.code === 'NETWORK'

/**
 * Sends one write, retrying network failures with back-off and always the same request id. Any answer
 * of the server (a result or a refusal) ends it: a refusal is not a network problem and a retry would
 * meet the same refusal.
 */
export async function sendWrite<R extends RouteName>(
  route: R,
  input: WriteInput<R>,
  requestId: string
): Promise<RouteResult<R>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(route, { ...input, requestId } as RouteInput<R>)
    } catch (e) {
      if (!isNetworkFailure(e) || attempt >= WRITE_ATTEMPTS_MAX) throw e
      await sleep(backoffMs(attempt))
    }
  }
}

/** The same route and the same content give the same key, whatever order the fields were written in. */
export function writeKey(route: string, input: unknown): string {
  return `${route} ${stableJson(input)}`
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The request ids of writes not yet known to have succeeded, by what they send. Changing the content
 * gives a different key and so a new id; success forgets the id, so doing the same thing again later
 * is a new write.
 */
export class UnsentWrites {
  private ids = new Map<string, string>()
  idFor(key: string): string {
    const known = this.ids.get(key)
    if (known) return known
    if (this.ids.size >= REMEMBERED_WRITES_MAX) this.ids.delete(this.ids.keys().next().value as string)
    const id = newRequestId()
    this.ids.set(key, id)
    return id
  }
  sent(key: string) {
    this.ids.delete(key)
  }
}

export interface WriteOptions {
  /** a short toast on success, e.g. 已下单 */
  done?: string
  /** after success, e.g. reload the page */
  after?: () => unknown
  /** the dialog's title when the server refuses */
  failTitle?: string
  /** no dialog at all (a preference that is also kept on the phone) */
  quiet?: boolean
}

/**
 * A page's writes. `run(route, input)` sends the write (one at a time per page: a tap while one is in
 * flight is ignored) and resolves to its result, or undefined after telling the user why not.
 * `submitting(route, match)` says whether that write is in flight, for the button to show 提交中.
 */
export function useWrite() {
  const unsent = useRef(new UnsentWrites())
  const inFlight = useRef(false)
  const [current, setCurrent] = useState<{ route: string; input: Record<string, unknown> } | null>(null)

  const run = useCallback(
    async <R extends RouteName>(
      route: R,
      input: WriteInput<R>,
      options: WriteOptions = {}
    ): Promise<RouteResult<R> | undefined> => {
      if (inFlight.current) return undefined
      inFlight.current = true
      setCurrent({ route, input: input as Record<string, unknown> })
      const key = writeKey(route, input)
      try {
        const result = await sendWrite(route, input, unsent.current.idFor(key))
        unsent.current.sent(key)
        if (options.done && !options.quiet) Taro.showToast({ title: options.done, icon: 'success' })
        await options.after?.()
        return result
      } catch (e) {
        if (!options.quiet) tellWhyNot(e, options.failTitle)
        return undefined
      } finally {
        inFlight.current = false
        setCurrent(null)
      }
    },
    []
  )

  const submitting = useCallback(
    (route: RouteName, match: Record<string, unknown> = {}) =>
      current !== null && current.route === route && Object.entries(match).every(([k, v]) => current.input[k] === v),
    [current]
  )

  return { run, submitting, busy: current !== null }
}

function tellWhyNot(e: unknown, failTitle = '没有办成') {
  if (isNetworkFailure(e))
    Taro.showModal({ title: NETWORK_FAILED_TITLE, content: NETWORK_FAILED_MESSAGE, showCancel: false })
  else Taro.showModal({ title: failTitle, content: asApiError(e).message, showCancel: false })
}
