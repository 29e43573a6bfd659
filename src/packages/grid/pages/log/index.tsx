import { useCallback, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { GRID_LOG_NAMES, GridLogType } from '../../../../../core/domain/workflow'
import { useLoad } from '../../../../services/use-route'
import { callKeepingCopy } from '../../../../services/kept-copy'
import { keepAndSend, OFFLINE_QUEUE_MAX, Queued, QueueFull, readQueue } from '../../../../services/offline-queue'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { HouseholdPicker } from '../../../../components/HouseholdPicker'
import { LocalPhotoPicker } from '../../../../components/staff/LocalPhotoPicker'
import { Loading, Problem } from '../../../../components/Problem'

/**
 * 写网格日志: a patrol, a household visit or an activity, with the households involved and photos.
 * Written where there may be no signal: the log is kept on the phone first and sent when it can be
 * (services/offline-queue.ts). `?queued=<id>` edits a kept log, e.g. one the village refused.
 */
export default function LogPage() {
  const large = useLargeFont()
  const { queued } = useRouter().params
  const [editing] = useState(() => readQueue().find((q): q is Queued<'log'> => q.id === queued && q.kind === 'log'))
  const { data, problem } = useLoad(useCallback(() => callKeepingCopy('grid.households', {}), []))
  const [type, setType] = useState<GridLogType>(editing?.input.type ?? 'visit')
  const [place, setPlace] = useState(editing?.input.place ?? '')
  const [chosen, setChosen] = useState<string[]>(editing?.input.householdIds ?? [])
  const [photos, setPhotos] = useState<string[]>(editing?.photos.map(p => p.local) ?? [])
  const [note, setNote] = useState(editing?.input.note ?? '')
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    setSaving(true)
    try {
      const input = { type, at: editing?.input.at ?? Date.now(), place, householdIds: chosen, note }
      const title = `${GRID_LOG_NAMES[type]} · ${place || '没写地点'} · ${chosen.length}户`
      const outcome = await keepAndSend('log', input, photos, title, editing?.id)
      if (outcome.state === 'sent') return await offerProposal(chosen, outcome.result?.id)
      if (outcome.state === 'refused')
        await Taro.showModal({
          title: '村里没有收下',
          content: `${outcome.reason}。日志留在“待上传”里，可以修改或不要。`,
          showCancel: false
        })
      else
        await Taro.showModal({
          title: '先存在手机上了',
          content: '现在没有信号。有信号时会自动上传，也可以在工作台点“上传”。',
          showCancel: false
        })
      Taro.navigateBack()
    } catch (e) {
      if (!(e instanceof QueueFull)) throw e
      Taro.showModal({
        title: '存不下了',
        content: `${e.message}。请先到有信号的地方把“待上传”的日志传上去。`,
        showCancel: false
      })
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
  // a kept log may name households that left the worker's grids since (why the village refused it)
  const gone = chosen.filter(id => !data.households.some(h => h.householdId === id))
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="field">
        {(Object.keys(GRID_LOG_NAMES) as GridLogType[]).map(t => (
          <Text key={t} className={`chip ${t === type ? 'chip--on' : ''}`} onClick={() => setType(t)}>
            {GRID_LOG_NAMES[t]}
          </Text>
        ))}
      </View>
      <View className="field">
        <View className="field__label">地点</View>
        <Input
          className="input"
          value={place}
          maxlength={60}
          placeholder="例如：2组院坝"
          onInput={e => setPlace(e.detail.value)}
        />
      </View>
      <View className="field">
        <View className="field__label">涉及的户（已选{chosen.length}户）</View>
        <HouseholdPicker households={data.households} chosen={chosen} onChange={setChosen} />
        {gone.length ? (
          <View className="notice">
            有{gone.length}户已不在您的网格里。
            <Text
              className="list__action"
              data-testid="drop-gone"
              onClick={() => setChosen(chosen.filter(id => !gone.includes(id)))}
            >
              去掉这{gone.length}户
            </Text>
          </View>
        ) : null}
      </View>
      <View className="field">
        <View className="field__label">照片</View>
        <LocalPhotoPicker files={photos} onChange={setPhotos} />
      </View>
      <View className="field">
        <View className="field__label">情况</View>
        <Textarea
          className="textarea"
          value={note}
          maxlength={500}
          placeholder="看到了什么、做了什么"
          onInput={e => setNote(e.detail.value)}
        />
      </View>
      <View className="muted">没有信号也能写：日志先存在手机上（最多{OFFLINE_QUEUE_MAX}条），有信号时自动上传。</View>
      <WriteButton testid="log-submit" label="保存日志" submitting={saving} onClick={submit} />
    </View>
  )
}

/** After a log is on the server: propose points for its households, linked to it. */
async function offerProposal(households: string[], logId: string | undefined) {
  const res = await Taro.showModal({
    title: '日志已保存',
    content: households.length ? '要为这些户提议加分吗？' : '',
    confirmText: households.length ? '提议加分' : '好的',
    cancelText: '不用'
  })
  if (res.confirm && households.length)
    Taro.redirectTo({
      url: `/packages/grid/pages/propose/index?households=${households.join(',')}${logId ? `&log=${logId}` : ''}`
    })
  else Taro.navigateBack()
}
