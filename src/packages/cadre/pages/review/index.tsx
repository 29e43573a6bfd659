import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { PendingView } from '../../../../../core/contract/views'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { PointsStepper } from '../../../../components/PointsStepper'
import { QueueList } from '../../components/QueueList'
import { Screen } from '../../../../components/Screen'
import { readyToSend } from '../../../../services/form-check'

/** 审核: villagers' claims and grid workers' proposals; approve (the points may be lowered) or reject with a reason. */
export default function ReviewPage() {
  const { data, problem, reload } = useLoad(useCallback(() => call('review.queue', {}), []))
  const [open, setOpen] = useState<PendingView | null>(null)
  const [points, setPoints] = useState(0)
  const [reason, setReason] = useState('')
  const write = useWrite()

  const choose = (p: PendingView) => {
    setOpen(p)
    setPoints(p.points)
    setReason('')
  }
  const done = () => {
    setOpen(null)
    return reload()
  }

  return (
    <Screen data={data} problem={problem}>
      {data => (
        <>
          <QueueList
            items={data.items}
            chosenId={open?.id}
            onChoose={choose}
            rowTestid="review-row"
            empty="没有待审核的"
          >
            {p => (
              <>
                <Text className="list__number">{p.points > 0 ? `+${p.points}` : p.points}</Text>
                <View className="list__body">
                  <Text className="list__title">
                    {p.doorPlate} · {p.ruleTitle}
                  </Text>
                  <Text className="list__meta">
                    {p.kind === 'claim' ? '村民申报' : '网格员提议'} · {p.byName} · {formatDateTime(p.at)}
                  </Text>
                  <Text className="list__meta">
                    {p.description}
                    {p.evidence.length ? ` · 照片${p.evidence.length}张` : ''}
                  </Text>
                </View>
              </>
            )}
          </QueueList>
          {open ? (
            <View className="notice">
              <View>
                {open.doorPlate} · {open.ruleTitle}
              </View>
              <PointsStepper min={open.range.min} max={open.range.max} value={points} onChange={setPoints} />
              <WriteButton
                testid="approve"
                label={`通过，记${points}分`}
                submitting={write.submitting('review.approve')}
                disabled={write.busy}
                onClick={() =>
                  write.run('review.approve', { pendingId: open.id, points }, { done: '已通过', after: done })
                }
              />
              <View className="field">
                <Input
                  className="input"
                  value={reason}
                  maxlength={200}
                  placeholder="驳回的原因"
                  onInput={e => setReason(e.detail.value)}
                />
              </View>
              <WriteButton
                className="button secondary"
                label="驳回"
                submitting={write.submitting('review.reject')}
                disabled={write.busy}
                onClick={() =>
                  readyToSend({ reason }) &&
                  write.run('review.reject', { pendingId: open.id, reason }, { done: '已驳回', after: done })
                }
              />
            </View>
          ) : null}
        </>
      )}
    </Screen>
  )
}
