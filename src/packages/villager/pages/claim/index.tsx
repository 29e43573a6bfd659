import { useCallback } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { askToBeTold } from '../../../../services/subscribe'
import { PendingList } from '../../../../components/PendingList'
import { PointsRequest, PointsRequestForm } from '../../../../components/PointsRequestForm'
import { Screen } from '../../../../components/Screen'

/** 申报积分: a villager asks points for a good deed by a rule open to villagers; the cadre reviews it. */
export default function ClaimPage() {
  const { data, problem, reload } = useLoad(
    useCallback(async () => {
      const [rules, mine] = await Promise.all([call('archive.rules', {}), call('pending.mine', {})])
      return { rules: rules.rules.filter(r => r.proposers.includes('villager')), caps: rules.myCaps, mine: mine.items }
    }, [])
  )
  const write = useWrite()

  const submit = async ({ rule, points, description, evidence }: PointsRequest) => {
    await askToBeTold(['points'])
    const done = await write.run(
      'claim.create',
      { ruleId: rule.id, points, description, evidence },
      { failTitle: '没有提交' }
    )
    if (!done) return false
    await Taro.showModal({ title: '已提交', content: '村干部审核通过后，积分就会加上。', showCancel: false })
    await reload()
    return true
  }

  return (
    <Screen data={data} problem={problem}>
      {data => (
        <>
          <View className="section-title">做了什么好事？选一条</View>
          <PointsRequestForm
            rules={data.rules}
            pickAction="申报"
            descriptionLabel="说说经过（必填）"
            placeholder="例如：11月20日参加了河道清理"
            submitLabel="提交申报"
            testid="claim"
            households={[{ who: '', caps: data.caps }]}
            onSubmit={submit}
            submitting={write.submitting('claim.create')}
          />
          <View className="section-title">我的申报</View>
          <PendingList
            items={data.mine}
            onWithdraw={p => void write.run('pending.withdraw', { pendingId: p.id }, { done: '已撤回', after: reload })}
            withdrawing={p => write.submitting('pending.withdraw', { pendingId: p.id })}
          />
        </>
      )}
    </Screen>
  )
}
