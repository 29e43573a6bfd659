import { useCallback, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { GRID_LOG_NAMES, GridLogType } from '../../../../../core/domain/workflow'
import { call, newRequestId } from '../../../../services/api'
import { asApiError, useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { HouseholdPicker } from '../../../../components/HouseholdPicker'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { Loading, Problem } from '../../../../components/Problem'

/** 写网格日志: a patrol, a household visit or an activity, with the households involved and photos. */
export default function LogPage() {
  const large = useLargeFont()
  const { data, problem } = useLoad(useCallback(() => call('grid.households', {}), []))
  const [type, setType] = useState<GridLogType>('visit')
  const [place, setPlace] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [photos, setPhotos] = useState<string[]>([])
  const [note, setNote] = useState('')
  const [requestId] = useState(newRequestId)

  const submit = async () => {
    try {
      const log = await call('grid.createLog', {
        requestId,
        type,
        at: Date.now(),
        place,
        householdIds: chosen,
        photos,
        note
      })
      const res = await Taro.showModal({
        title: '日志已保存',
        content: chosen.length ? '要为这些户提议加分吗？' : '',
        confirmText: chosen.length ? '提议加分' : '好的',
        cancelText: '不用'
      })
      if (res.confirm && chosen.length)
        Taro.redirectTo({ url: `/packages/grid/pages/propose/index?households=${chosen.join(',')}&log=${log.id}` })
      else Taro.navigateBack()
    } catch (e) {
      Taro.showModal({ title: '没有保存', content: asApiError(e).message, showCancel: false })
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
      </View>
      <View className="field">
        <View className="field__label">照片</View>
        <EvidencePicker files={photos} onChange={setPhotos} />
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
      <View className="button" data-testid="log-submit" onClick={() => void submit()}>
        保存日志
      </View>
    </View>
  )
}
