import { View } from '@tarojs/components'
import type { ApiError } from '../../../services/api'
import { useLargeFont } from '../../../services/large-font'
import { Loading, Problem } from '../../../components/Problem'

/** A party page: its refusal, its loading line, or its content, in large font when chosen. */
export function Screen<T>({
  data,
  problem,
  children
}: {
  data: T | null
  problem: ApiError | null
  children: (data: T) => React.ReactNode
}) {
  const large = useLargeFont()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? <Problem problem={problem} /> : data ? children(data) : <Loading />}
    </View>
  )
}
