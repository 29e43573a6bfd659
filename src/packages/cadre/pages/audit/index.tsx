import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

const brief = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value).slice(0, 80))

/** 审计记录: every administrative act in the village (or, for a town administrator, the town): who, what, when, before and after. */
export default function AuditPage() {
  const large = useLargeFont()
  const { data, problem } = useLoad(useCallback(() => call('audit.list', {}), []))
  if (problem)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Problem problem={problem} />
      </View>
    )
  if (!data)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Loading />
      </View>
    )
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="list">
        {data.items.map(a => (
          <View key={a.id} className="list__row" data-testid="audit-row">
            <View className="list__body">
              <Text className="list__title">
                {a.actorName} {a.label} · {a.target}
              </Text>
              <Text className="list__meta">{formatDateTime(a.at)}</Text>
              <Text className="list__meta">之前：{brief(a.before)}</Text>
              <Text className="list__meta">之后：{brief(a.after)}</Text>
            </View>
          </View>
        ))}
        {data.items.length === 0 ? <View className="list__row muted">还没有记录</View> : null}
      </View>
    </View>
  )
}
