import { Text, View } from '@tarojs/components'
import type { ApiError } from '../services/api'

/** A refusal or failure, in the words the api gave; the code is kept for tests and support. */
export function Problem({ problem, children }: { problem: ApiError; children?: React.ReactNode }) {
  return (
    <View className="notice" data-code={problem.code}>
      <Text>{problem.message}</Text>
      {children}
    </View>
  )
}

export const Loading = () => <View className="notice muted">正在加载…</View>
