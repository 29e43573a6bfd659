import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useLoad } from '../../../../services/use-route'
import { callKeepingCopy } from '../../../../services/kept-copy'
import { keepAndSend, Queued, QueueFull, readQueue } from '../../../../services/offline-queue'
import { useLargeFont } from '../../../../services/large-font'
import { HouseholdPicker } from '../../../../components/HouseholdPicker'
import { PointsRequest, PointsRequestForm } from '../../../../components/PointsRequestForm'
import { Loading, Problem } from '../../../../components/Problem'

/**
 * 提议积分 for households of my grids, by a rule open to grid workers; the cadre reviews it. Like a log,
 * a proposal is kept on the phone first and sent when there is a signal; `?queued=<id>` edits a kept one.
 */
export default function ProposePage() {
  const large = useLargeFont()
  const { households: preset = '', log, queued } = useRouter().params
  const [editing] = useState(() =>
    readQueue().find((q): q is Queued<'proposal'> => q.id === queued && q.kind === 'proposal')
  )
  const { data, problem } = useLoad(
    useCallback(async () => {
      const [rules, mine] = await Promise.all([
        callKeepingCopy('archive.rules', {}),
        callKeepingCopy('grid.households', {})
      ])
      return { rules: rules.rules.filter(r => r.proposers.includes('gridWorker')), households: mine.households }
    }, [])
  )
  const [chosen, setChosen] = useState<string[]>(editing?.input.householdIds ?? (preset ? preset.split(',') : []))
  const [saving, setSaving] = useState(false)

  const submit = async ({ rule, points, description, evidence }: PointsRequest) => {
    setSaving(true)
    try {
      const input = {
        logId: editing?.input.logId ?? (log || undefined),
        householdIds: chosen,
        ruleId: rule.id,
        points,
        description
      }
      const title = `${rule.title} · ${chosen.length}户 · ${points > 0 ? '+' : ''}${points}分`
      const outcome = await keepAndSend('proposal', input, evidence, title, editing?.id)
      const [heading, content] =
        outcome.state === 'sent'
          ? ['已提议', `${chosen.length}户，等村干部审核`]
          : outcome.state === 'refused'
            ? ['村里没有收下', `${outcome.reason}。提议留在“待上传”里，可以修改或不要。`]
            : ['先存在手机上了', '现在没有信号。有信号时会自动提交，也可以在工作台点“上传”。']
      await Taro.showModal({ title: heading, content, showCancel: false })
      Taro.navigateBack()
      return true
    } catch (e) {
      if (!(e instanceof QueueFull)) throw e
      Taro.showModal({
        title: '存不下了',
        content: `${e.message}。请先到有信号的地方把“待上传”的传上去。`,
        showCancel: false
      })
      return false
    } finally {
      setSaving(false)
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
  const editingRule = editing && data.rules.find(r => r.id === editing.input.ruleId)
  const editingRequest: PointsRequest | undefined = editing &&
    editingRule && {
      rule: editingRule,
      points: editing.input.points,
      description: editing.input.description,
      evidence: editing.photos.map(p => p.local)
    }
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
        submitting={saving}
        photosOnPhone
        initial={editingRequest}
      />
    </View>
  )
}
