import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import { ApiError } from './api'

/**
 * Loads a page's data when it shows, on pull-down, and when `load` changes (a filter was chosen),
 * keeping the last good data while reloading.
 * `problem` carries the stable code and the Chinese message to show.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)
  const reload = useCallback(async () => {
    try {
      setData(await load())
      setProblem(null)
    } catch (e) {
      setProblem(asApiError(e))
    }
  }, [load])
  useDidShow(() => void reload())
  const first = useRef(true)
  useEffect(() => {
    if (first.current)
      first.current = false // the first load is the page showing
    else void reload()
  }, [reload])
  usePullDownRefresh(() => void reload().finally(() => stopPullDownRefresh()))
  return { data, problem, reload, setData }
}

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError('INTERNAL', '系统出了点问题，请稍后再试')
