import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ApiError } from '../../../services/api'
import { useLargeFont } from '../../../services/large-font'
import { Loading, Problem } from '../../../components/Problem'

/** A participation page's frame: the refusal in the api's words, loading, or the page in the user's font size. */
export function Page<T>({
  problem,
  data,
  children
}: {
  problem: ApiError | null
  data: T | null
  children: (data: T) => ReactNode
}) {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? <Problem problem={problem} /> : data === null ? <Loading /> : children(data)}
    </View>
  )
}
