import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { ApiError } from './api'

/**
 * Loads a part's data when it appears, when `load` changes (a filter was chosen), when its page shows
 * again and on pull-down, keeping the last good data while reloading. A part that appears after its
 * page is already on screen (the household a cadre opens at the desk) gets no show event, so the first
 * load is the part's own, on mount. The page's show that comes with the first mount (before the mount's
 * effect in the mini-program, after it in the browser) must not send a second load: a load already
 * started for the same `load` counts, whichever came first. Only the newest load's answer is kept, so a
 * slow answer for an earlier filter never overwrites a later one.
 * `problem` carries the stable code and the Chinese message to show.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)
  const latest = useRef(0)
  const inFlight = useRef(false)
  const startedFor = useRef<(() => Promise<T>) | null>(null)
  const reload = useCallback(async () => {
    const mine = ++latest.current
    inFlight.current = true
    startedFor.current = load
    try {
      const result = await load()
      if (mine !== latest.current) return
      setData(result)
      setProblem(null)
    } catch (e) {
      if (mine === latest.current) setProblem(asApiError(e))
    } finally {
      if (mine === latest.current) inFlight.current = false
    }
  }, [load])
  useEffect(() => {
    if (startedFor.current !== load) void reload()
  }, [load, reload])
  useDidShow(() => {
    if (!inFlight.current) void reload()
  })
  usePullDownRefresh(() => void reload().finally(() => stopPullDownRefresh()))
  return { data, problem, reload, setData }
}

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError('INTERNAL', '系统出了点问题，请稍后再试')
