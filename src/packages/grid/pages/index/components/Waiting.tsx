import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatDateTime } from '../../../../../../core/domain/period'
import {
  discard,
  OFFLINE_QUEUE_MAX,
  Queued,
  readQueue,
  sendQueued,
  watchQueue
} from '../../../../../services/offline-queue'
import { WriteButton } from '../../../../../components/WriteButton'

const EDIT_PAGE = { log: '/packages/grid/pages/log/index', proposal: '/packages/grid/pages/propose/index' }

/**
 * 待上传: the logs and proposals kept on the phone, with how many; 上传 sends them now (they are also
 * sent by themselves when the signal returns). One the village refused shows why and can be changed
 * or given up.
 */
export function Waiting({ onSent }: { onSent: () => unknown }) {
  const [queue, setQueue] = useState<Queued[]>(readQueue)
  const [sending, setSending] = useState(false)
  const reloadPage = useRef(onSent)
  reloadPage.current = onSent
  useEffect(() => {
    let shown = readQueue()
    setQueue(shown)
    return watchQueue(next => {
      // sent in the background (the signal came back): the workbench's lists have them now
      if (next.length < shown.length) void reloadPage.current()
      shown = next
      setQueue(next)
    })
  }, [])
  if (queue.length === 0) return null

  const send = async () => {
    setSending(true)
    try {
      const report = await sendQueued()
      if (report.noSignal) Taro.showToast({ title: '还是没有信号，等会儿会自动上传', icon: 'none' })
    } finally {
      setSending(false)
    }
  }
  const giveUp = async (q: Queued) => {
    const sure = await Taro.showModal({ title: '不要这一条了？', content: q.title, confirmText: '不要了' })
    if (sure.confirm) await discard(q.id)
  }
  const waiting = queue.filter(q => !q.refused).length
  return (
    <View data-testid="waiting">
      <View className="section-title">
        待上传 <Text data-testid="waiting-count">{queue.length}</Text> 条
      </View>
      <View className="muted">没有信号时写的日志和提议存在手机上（最多{OFFLINE_QUEUE_MAX}条），有信号时自动上传。</View>
      <View className="list">
        {queue.map(q => (
          <View
            key={q.id}
            className="list__row"
            data-testid="waiting-row"
            data-state={q.refused ? 'refused' : 'waiting'}
          >
            <View className="list__body">
              <Text className="list__title">
                {q.kind === 'log' ? '日志' : '提议'} · {q.title}
              </Text>
              <Text className="list__meta">
                {formatDateTime(q.writtenAtMs)} 写的{q.photos.length ? ` · 照片${q.photos.length}张` : ''}
              </Text>
              {q.refused ? (
                <Text className="list__meta minus" data-testid="refused-reason">
                  没有收下：{q.refused}
                </Text>
              ) : null}
            </View>
            {q.refused ? (
              <>
                <Text
                  className="list__action"
                  data-testid="edit-waiting"
                  onClick={() => Taro.navigateTo({ url: `${EDIT_PAGE[q.kind]}?queued=${q.id}` })}
                >
                  修改
                </Text>
                <Text className="list__action" data-testid="discard-waiting" onClick={() => void giveUp(q)}>
                  不要了
                </Text>
              </>
            ) : null}
          </View>
        ))}
      </View>
      {waiting ? (
        <WriteButton
          className="button secondary"
          testid="send-waiting"
          label={`上传${waiting}条`}
          submitting={sending}
          onClick={send}
        />
      ) : null}
    </View>
  )
}
