import { useCallback } from 'react'
import { View } from '@tarojs/components'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { RuleList } from '../../components/RuleList'
import { Loading, Problem } from '../../components/Problem'

/** 积分细则: what the village gives and takes points for, and the star levels. */
export default function RulesPage() {
  const large = useLargeFont()
  const { data, problem } = useLoad(useCallback(() => call('archive.rules', {}), []))
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <View className="notice">
            星级文明户：{data.starThresholds.map((t, i) => `${i + 1}星 ${t}分`).join('，')}
          </View>
          <RuleList rules={data.rules} />
        </>
      )}
    </View>
  )
}
