import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import type { RouteResult } from '../../../core/contract/routes'
import { periodKeys } from '../../../core/domain/period'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { Tabs } from '../../components/Tabs'
import { EntryList } from '../../components/EntryList'
import { Loading, Problem } from '../../components/Problem'

type History = RouteResult<'archive.history'>

/** 积分明细: every entry of the household, newest first, by month, year or all. */
export default function HistoryPage() {
  const large = useLargeFont()
  const now = periodKeys(Date.now())
  const options = [
    { value: now.month, label: '本月' },
    { value: now.year, label: '今年' },
    { value: 'all', label: '全部' }
  ]
  const [period, setPeriod] = useState('all')
  const load = useCallback(() => call('archive.history', { period, page: 1 }), [period])
  const { data, problem, setData } = useLoad<History>(load)

  // useLoad reloads when `load` changes with the period
  const show = (p: string) => {
    setPeriod(p)
    setData(null)
  }
  const more = async () => {
    if (!data) return
    const next = await call('archive.history', { period, page: data.page + 1 })
    setData({ ...next, entries: [...data.entries, ...next.entries] })
  }

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Tabs options={options} value={period} onChange={show} />
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <EntryList entries={data.entries} postingDays={data.postingDays} />
      )}
      {data?.hasMore ? (
        <View className="button secondary" onClick={() => void more()}>
          看更早的
        </View>
      ) : null}
    </View>
  )
}
