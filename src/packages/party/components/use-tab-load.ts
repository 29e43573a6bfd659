import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../../services/api'
import { asApiError } from '../../../services/use-route'

/**
 * Loads a tab's data when the tab mounts and when `load` changes. A tab mounts after its page has
 * shown, so the page's useDidShow (services/use-route.ts) never fires for it.
 */
export function useTabLoad<T>(load: () => Promise<T>) {
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
  useEffect(() => void reload(), [reload])
  return { data, problem, reload }
}
