import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { periodKeys } from '../../../../../core/domain/period'
import { call, ApiError } from '../../../../services/api'
import { useLargeFont } from '../../../../services/large-font'
import { Problem } from '../../../../components/Problem'
import { openFile } from '../../files'

/** 导出: the village's household list, ledger (month, quarter, year) and ranking as .xlsx. */
export default function Export() {
  const large = useLargeFont()
  const villageId = useRouter().params.villageId || undefined
  const [busy, setBusy] = useState('')
  const [done, setDone] = useState('')
  const [problem, setProblem] = useState<ApiError | null>(null)
  const keys = periodKeys(Date.now())
  const run = (label: string, make: () => Promise<{ url: string; fileName: string; rows: number }>) => async () => {
    setBusy(`正在导出${label}…`)
    setProblem(null)
    try {
      const file = await make()
      await openFile(file)
      setDone(`${file.fileName}：${file.rows}行`)
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError('INTERNAL', '导出失败，请重试'))
    } finally {
      setBusy('')
    }
  }
  const ledger = (period: string) => () => call('export.ledger', { villageId, period })
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="links">
        <View
          className="button"
          data-testid="export-households"
          onClick={run('家庭户名单', () => call('export.households', { villageId }))}
        >
          家庭户名单（积分、星级、成员）
        </View>
        <View className="button" data-testid="export-ledger-month" onClick={run('本月积分流水', ledger(keys.month))}>
          本月积分流水
        </View>
        <View
          className="button"
          data-testid="export-ledger-quarter"
          onClick={run('本季度积分流水', ledger(keys.quarter))}
        >
          本季度积分流水
        </View>
        <View className="button" data-testid="export-ledger-year" onClick={run('本年积分流水', ledger(keys.year))}>
          本年积分流水
        </View>
        <View
          className="button secondary"
          data-testid="export-ranking"
          onClick={run('红榜', () => call('export.ranking', { villageId, period: 'all' }))}
        >
          积分红榜
        </View>
      </View>
      {busy ? <View className="muted">{busy}</View> : null}
      {done ? (
        <View className="notice" data-testid="export-done">
          已导出 {done}
        </View>
      ) : null}
      {problem ? <Problem problem={problem} /> : null}
    </View>
  )
}
