import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh, stopPullDownRefresh } from '@tarojs/taro'
import type { RouteResult } from '../../../core/contract/routes'
import { ApiError, call } from '../../services/api'
import { useLargeFont } from '../../services/large-font'
import { HouseholdCard } from '../../components/HouseholdCard'
import { EntryList } from '../../components/EntryList'

type Home = RouteResult<'archive.home'>

/** The villager's home: their household's points card and the latest entries of its archive. */
export default function Index() {
  const large = useLargeFont()
  const [home, setHome] = useState<Home | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)

  const load = async () => {
    try {
      setHome(await call('archive.home', {}))
      setProblem(null)
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError('INTERNAL', '系统出了点问题，请稍后再试'))
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => stopPullDownRefresh()))

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? (
        <View className='notice' data-code={problem.code}>
          <Text>{problem.message}</Text>
        </View>
      ) : !home ? (
        <View className='notice muted'>正在加载…</View>
      ) : (
        <>
          <HouseholdCard card={home.card} />
          <View className='section-title'>最近的积分</View>
          <EntryList entries={home.latest} />
        </>
      )}
    </View>
  )
}
