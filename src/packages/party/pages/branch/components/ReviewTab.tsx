import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../../../../core/domain/period'
import { call } from '../../../../../services/api'
import { useWrite } from '../../../../../services/write'
import { useTabLoad } from '../../../components/use-tab-load'
import { Problem } from '../../../../../components/Problem'

/** 审核: members' claims (approve or reject with a reason) and objections to the posted quarter. */
export function ReviewTab() {
  const write = useWrite()
  const { data, problem, reload } = useTabLoad(
    useCallback(async () => {
      const [claims, objections] = await Promise.all([call('partyClaim.queue', {}), call('partyObjection.queue', {})])
      return { claims: claims.items, objections: objections.items }
    }, [])
  )
  const [reason, setReason] = useState('')
  if (problem) return <Problem problem={problem} />
  if (!data) return <View className="notice muted">正在加载…</View>
  return (
    <View>
      <View className="section-title">党员申报 {data.claims.length}条</View>
      <View className="list">
        {data.claims.map(c => (
          <View key={c.id} className="list__row" data-testid="party-claim-row" data-id={c.id}>
            <View className="list__body">
              <Text className="list__title">
                {c.memberName} · {c.ruleTitle}
              </Text>
              <Text className="list__meta">
                {c.description} · {formatDateTime(c.at)}
              </Text>
            </View>
            <Text className="list__number">+{c.points}</Text>
            <Text
              className="list__action"
              data-testid="party-claim-approve"
              onClick={() => void write.run('partyClaim.approve', { claimId: c.id }, { done: '已通过', after: reload })}
            >
              通过
            </Text>
            <Text
              className="list__action muted"
              onClick={() =>
                void write.run(
                  'partyClaim.reject',
                  {
                    claimId: c.id,
                    reason: reason || '不符合细则'
                  },
                  { done: '已驳回', after: reload }
                )
              }
            >
              驳回
            </Text>
          </View>
        ))}
        {data.claims.length === 0 ? <View className="list__row muted">没有待审核的申报</View> : null}
      </View>
      <Input className="input" value={reason} placeholder="驳回或答复的理由" onInput={e => setReason(e.detail.value)} />
      <View className="section-title">公示期的异议 {data.objections.length}条</View>
      <View className="list">
        {data.objections.map(o => (
          <View key={o.id} className="list__row" data-testid="party-objection-row">
            <View className="list__body">
              <Text className="list__title">
                {o.memberName} · {o.title} {o.points > 0 ? `+${o.points}` : o.points}
              </Text>
              <Text className="list__meta">{o.reason}</Text>
            </View>
            <Text
              className="list__action"
              onClick={() =>
                void write.run(
                  'partyObjection.resolve',
                  {
                    objectionId: o.id,
                    upheld: true,
                    reply: reason || '核实后更正'
                  },
                  { done: '已更正', after: reload }
                )
              }
            >
              成立，取消这条
            </Text>
            <Text
              className="list__action muted"
              onClick={() =>
                void write.run(
                  'partyObjection.resolve',
                  {
                    objectionId: o.id,
                    upheld: false,
                    reply: reason || '核实无误'
                  },
                  { done: '已答复', after: reload }
                )
              }
            >
              不成立
            </Text>
          </View>
        ))}
        {data.objections.length === 0 ? <View className="list__row muted">没有异议</View> : null}
      </View>
    </View>
  )
}
