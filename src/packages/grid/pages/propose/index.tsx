import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { call, newRequestId } from '../../../../services/api'
import { asApiError, useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { HouseholdPicker } from '../../../../components/HouseholdPicker'
import { PointsRequest, PointsRequestForm } from '../../../../components/PointsRequestForm'
import { Loading, Problem } from '../../../../components/Problem'

/** 提议积分 for households of my grids, by a rule open to grid workers; the cadre reviews it. */
export default function ProposePage() {
  const large = useLargeFont()
  const { households: preset = '', log } = useRouter().params
  const { data, problem } = useLoad(
    useCallback(async () => {
      const [rules, mine] = await Promise.all([call('archive.rules', {}), call('grid.households', {})])
      return { rules: rules.rules.filter(r => r.proposers.includes('gridWorker')), households: mine.households }
    }, [])
  )
  const [chosen, setChosen] = useState<string[]>(preset ? preset.split(',') : [])
  const [requestId] = useState(newRequestId)

  const submit = async ({ rule, points, description, evidence }: PointsRequest) => {
    try {
      const done = await call('grid.propose', {
        requestId,
        logId: log || undefined,
        householdIds: chosen,
        ruleId: rule.id,
        points,
        description,
        evidence
      })
      await Taro.showModal({ title: '已提议', content: `${done.items.length}户，等村干部审核`, showCancel: false })
      Taro.navigateBack()
      return true
    } catch (e) {
      Taro.showModal({ title: '没有提交', content: asApiError(e).message, showCancel: false })
      return false
    }
  }

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
      <View className="field">
        <View className="field__label">给哪些户（已选{chosen.length}户）</View>
        <HouseholdPicker households={data.households} chosen={chosen} onChange={setChosen} />
      </View>
      <PointsRequestForm
        rules={data.rules}
        pickAction="选这条"
        descriptionLabel="依据（必填）"
        placeholder="例如：夜间巡逻发现并报告了隐患"
        submitLabel="提交给村干部审核"
        testid="proposal"
        households={data.households
          .filter(h => chosen.includes(h.householdId))
          .map(h => ({ who: `${h.doorPlate}：`, caps: h.caps }))}
        onSubmit={submit}
      />
    </View>
  )
}
