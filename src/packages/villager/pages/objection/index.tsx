import { useCallback, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { OBJECTION_STATE_NAMES } from '../../../../../core/domain/workflow'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'
import { readyToSend } from '../../../../services/form-check'

/** 提异议 on a posted entry, and the answers to the villager's objections. */
export default function ObjectionPage() {
  const large = useLargeFont()
  const { entry = '', what = '' } = useRouter().params
  const { data, problem, reload } = useLoad(useCallback(() => call('objection.mine', {}), []))
  const [reason, setReason] = useState('')
  const write = useWrite()

  const earlier = data?.items.find(o => o.entryId === entry)

  const submit = async () => {
    if (!readyToSend({ reason })) return
    const made = await write.run('objection.create', { entryId: entry, reason }, { failTitle: '没有提交' })
    if (!made) return
    await Taro.showModal({ title: '已提交', content: '村干部会核实后答复您。', showCancel: false })
    setReason('')
    await reload()
  }

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {entry && earlier ? (
        <View className="notice" data-testid="objection-already">
          您已经对这一条提过异议了，理由是“{earlier.reason}”。
          {earlier.reply ? `村里答复：${earlier.reply}` : '村干部核实后会答复您。'}
        </View>
      ) : entry ? (
        <>
          <View className="notice">对这一条有异议：{decodeURIComponent(what)}</View>
          <View className="field">
            <View className="field__label">您的理由（必填）</View>
            <Textarea
              className="textarea"
              data-testid="objection-reason"
              value={reason}
              maxlength={200}
              placeholder="例如：那天他家没有人参加"
              onInput={e => setReason(e.detail.value)}
            />
          </View>
          <WriteButton
            testid="objection-submit"
            label="提交异议"
            submitting={write.submitting('objection.create')}
            onClick={submit}
          />
        </>
      ) : (
        <View className="notice" data-testid="objection-how">
          对哪一条加分扣分有意见，到积分公示里点那一条的“提异议”。
          <View
            className="button secondary"
            data-testid="objection-to-posting"
            onClick={() => void Taro.navigateTo({ url: '/pages/posting/index' })}
          >
            去积分公示
          </View>
        </View>
      )}
      <View className="section-title">我提的异议</View>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <View className="list">
          {data.items.map(o => (
            <View key={o.id} className="list__row" data-testid="objection-row" data-state={o.state}>
              <View className="list__body">
                <Text className="list__title">
                  {o.doorPlate} · {o.title}（{o.points}分）
                </Text>
                <Text className="list__meta">
                  {OBJECTION_STATE_NAMES[o.state]} · 我的理由：{o.reason}
                </Text>
                {o.reply ? <Text className="list__meta">村里答复：{o.reply}</Text> : null}
              </View>
            </View>
          ))}
          {data.items.length === 0 ? <View className="list__row muted">还没有提过异议</View> : null}
        </View>
      )}
    </View>
  )
}
