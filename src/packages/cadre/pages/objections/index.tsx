import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { ObjectionView } from '../../../../../core/contract/views'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { QueueList } from '../../components/QueueList'
import { Screen } from '../../../../components/Screen'
import { readyToSend } from '../../../../services/form-check'

/**
 * 处理异议: upheld corrects the entry (to the points given, 0 cancels it); dismissed lets it stand. Both
 * answer the villager.
 */
export default function ObjectionsPage() {
  const { data, problem, reload } = useLoad(useCallback(() => call('objection.queue', {}), []))
  const [open, setOpen] = useState<ObjectionView | null>(null)
  const [reply, setReply] = useState('')
  const [points, setPoints] = useState('0')
  const write = useWrite()
  const resolve = (upheld: boolean) =>
    open &&
    readyToSend({ reply }) &&
    write.run(
      'objection.resolve',
      { objectionId: open.id, upheld, reply, points: upheld ? Number(points) || 0 : undefined },
      {
        done: upheld ? '已更正' : '已答复',
        after: () => {
          setOpen(null)
          return reload()
        }
      }
    )

  return (
    <Screen data={data} problem={problem}>
      {data => (
        <>
          <QueueList
            items={data.items}
            chosenId={open?.id}
            onChoose={o => {
              setOpen(o)
              setReply('')
            }}
            rowTestid="objection-row"
            empty="没有待处理的异议"
          >
            {o => (
              <View className="list__body">
                <Text className="list__title">
                  {o.doorPlate} · {o.title}（{o.points}分）
                </Text>
                <Text className="list__meta">
                  {o.byName} · {formatDateTime(o.at)}：{o.reason}
                </Text>
              </View>
            )}
          </QueueList>
          {open ? (
            <View className="notice">
              <View className="field">
                <View className="field__label">给村民的答复（必填）</View>
                <Input
                  className="input"
                  data-testid="objection-reply"
                  value={reply}
                  maxlength={200}
                  onInput={e => setReply(e.detail.value)}
                />
              </View>
              <View className="field">
                <View className="field__label">异议成立时，这条应该是多少分（0 为作废）</View>
                <Input className="input" type="number" value={points} onInput={e => setPoints(e.detail.value)} />
              </View>
              <WriteButton
                testid="uphold"
                label="异议成立，更正"
                submitting={write.submitting('objection.resolve', { upheld: true })}
                disabled={write.busy}
                onClick={() => resolve(true)}
              />
              <WriteButton
                className="button secondary"
                testid="dismiss"
                label="异议不成立"
                submitting={write.submitting('objection.resolve', { upheld: false })}
                disabled={write.busy}
                onClick={() => resolve(false)}
              />
            </View>
          ) : null}
        </>
      )}
    </Screen>
  )
}
