import { useCallback } from 'react'
import { View } from '@tarojs/components'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { NoticeList } from '../../components/NoticeList'
import { Loading, Problem } from '../../components/Problem'

/** 通知公告 and 三务公开 of the village and its town. */
export default function NoticesPage() {
  const large = useLargeFont()
  const { data, problem } = useLoad(useCallback(() => call('notice.list', {}), []))
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? <Problem problem={problem} /> : !data ? <Loading /> : <NoticeList notices={data.notices} />}
    </View>
  )
}
