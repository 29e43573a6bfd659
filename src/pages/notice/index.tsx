import { useCallback } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { formatDateTime } from '../../../core/domain/period'
import { NOTICE_KIND_NAMES } from '../../../core/domain/workflow'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { Loading, Problem } from '../../components/Problem'

/** In WeChat an attachment is downloaded and opened; the browser build shows its name only. */
async function openAttachment(fileID: string) {
  if (process.env.TARO_ENV !== 'weapp') return Taro.showToast({ title: '请在微信里打开附件', icon: 'none' })
  const file = await Taro.cloud.downloadFile({ fileID })
  await Taro.openDocument({ filePath: file.tempFilePath })
}

/** One notice; opening it marks it read for the household. Finance notices show their table of amounts. */
export default function NoticePage() {
  const large = useLargeFont()
  const noticeId = useRouter().params.id ?? ''
  const { data, problem } = useLoad(useCallback(() => call('notice.open', { noticeId }), [noticeId]))
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
  const total = data.financeRows.reduce((s, r) => s + r.amount, 0)
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice">
        <View className="section-title" data-testid="notice-title">
          {data.title}
        </View>
        <View className="muted">
          {NOTICE_KIND_NAMES[data.kind]} · {data.placeName} · {data.byName} · {formatDateTime(data.at)}
        </View>
        <View style={{ whiteSpace: 'pre-wrap', marginTop: '16px' }}>{data.body}</View>
        {data.pictures.map(p => (
          <Image key={p} src={p} mode="widthFix" style={{ width: '100%' }} />
        ))}
      </View>
      {data.financeRows.length ? (
        <View className="list" data-testid="finance-table">
          {data.financeRows.map(r => (
            <View key={r.item} className="list__row">
              <View className="list__body">
                <Text className="list__title">{r.item}</Text>
              </View>
              <Text className="list__number">{r.amount.toFixed(2)}元</Text>
            </View>
          ))}
          <View className="list__row">
            <View className="list__body">
              <Text className="list__title">合计</Text>
            </View>
            <Text className="list__number">{total.toFixed(2)}元</Text>
          </View>
        </View>
      ) : null}
      {data.attachments.map(a => (
        <View key={a.fileID} className="button secondary" onClick={() => void openAttachment(a.fileID)}>
          附件：{a.name}
        </View>
      ))}
    </View>
  )
}
