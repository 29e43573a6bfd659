import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatDateTime } from '../../../../../core/domain/period'
import { GRID_LOG_NAMES, GridLogType } from '../../../../../core/domain/workflow'
import { periodKeys } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { useLargeFont } from '../../../../services/large-font'
import { PendingList } from '../../../../components/PendingList'
import { Loading, Problem } from '../../../../components/Problem'
import { Links } from '../../../../components/Links'
import { Waiting } from './components/Waiting'

/** 网格员工作台: my work log, and the points I proposed with how the village decided. */
export default function GridHome() {
  const large = useLargeFont()
  const [type, setType] = useState<GridLogType | 'all'>('all')
  const [month, setMonth] = useState('all')
  const load = useCallback(async () => {
    const [logs, mine] = await Promise.all([call('grid.logs', { type, month }), call('pending.mine', {})])
    return { logs: logs.logs, mine: mine.items }
  }, [type, month])
  const { data, problem, reload } = useLoad(load)
  const write = useWrite()
  const thisMonth = periodKeys(Date.now()).month
  const filter = (next: { type?: GridLogType | 'all'; month?: string }) => {
    if (next.type) setType(next.type)
    if (next.month) setMonth(next.month)
  }
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Links
        links={[
          { label: '写日志', url: '/packages/grid/pages/log/index', testid: 'new-log', primary: true },
          { label: '提议加分', url: '/packages/grid/pages/propose/index', testid: 'new-proposal' },
          { label: '村民说事', url: '/packages/grid/pages/issues/index' }
        ]}
      />
      <Waiting onSent={reload} />
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <View className="section-title">我的日志</View>
          <View>
            {(['all', 'patrol', 'visit', 'activity'] as const).map(t => (
              <Text key={t} className={`chip ${t === type ? 'chip--on' : ''}`} onClick={() => filter({ type: t })}>
                {t === 'all' ? '全部' : GRID_LOG_NAMES[t]}
              </Text>
            ))}
            <Text
              className={`chip ${month === thisMonth ? 'chip--on' : ''}`}
              onClick={() => filter({ month: month === thisMonth ? 'all' : thisMonth })}
            >
              只看本月
            </Text>
          </View>
          <View className="list">
            {data.logs.map(l => (
              <View
                key={l.id}
                className="list__row"
                onClick={() =>
                  go(
                    `/packages/grid/pages/propose/index?households=${l.households.map(h => h.id).join(',')}&log=${l.id}`
                  )
                }
              >
                <Text className="chip chip--on">{GRID_LOG_NAMES[l.type]}</Text>
                <View className="list__body">
                  <Text className="list__title">
                    {l.place || '（没写地点）'} · {l.households.length}户
                  </Text>
                  <Text className="list__meta">
                    {formatDateTime(l.at)}
                    {l.note ? ` · ${l.note}` : ''}
                  </Text>
                </View>
              </View>
            ))}
            {data.logs.length === 0 ? <View className="list__row muted">还没有日志</View> : null}
          </View>
          <View className="section-title">我提议的积分</View>
          <PendingList
            items={data.mine}
            onWithdraw={p => void write.run('pending.withdraw', { pendingId: p.id }, { done: '已撤回', after: reload })}
            withdrawing={p => write.submitting('pending.withdraw', { pendingId: p.id })}
          />
        </>
      )}
    </View>
  )
}
