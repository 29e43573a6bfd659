import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ApiError } from '../services/api'
import { useLargeFont } from '../services/large-font'
import { Loading, Problem } from './Problem'

/**
 * A page's frame in the user's font size: the refusal in the api's words, the loading line, or the
 * page drawn from its data (null while loading).
 */
export function Screen<T>({
  data,
  problem,
  children
}: {
  data: T | null
  problem: ApiError | null
  children: (data: T) => ReactNode
}) {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? <Problem problem={problem} /> : data === null ? <Loading /> : children(data)}
    </View>
  )
}
