import { useCallback, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { HouseholdCode } from '../../../../../core/contract/views'
import { ApiError, call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Loading, Problem } from '../../../../components/Problem'

const PAGE = 30
/** calls for one sheet at most: the api makes a few new codes per call, so 30 need about 10 */
const CALLS_PER_SHEET_MAX = 20

/**
 * One sheet's codes. Codes already made come back at once; new ones are made a few per call (each call
 * stays far inside the function's time limit), so the page asks again for the rest and shows how far
 * it got.
 */
async function codesOf(householdIds: string[], onProgress: (ready: number) => void): Promise<HouseholdCode[]> {
  const ready: HouseholdCode[] = []
  let waiting = householdIds
  for (let calls = 0; waiting.length && calls < CALLS_PER_SHEET_MAX; calls++) {
    const { codes, pending } = await call('household.codes', { householdIds: waiting })
    if (!codes.length) break
    ready.push(...codes)
    onProgress(ready.length)
    waiting = pending
  }
  if (waiting.length) throw new ApiError('INTERNAL', '二维码还没有全部生成，请稍后再试')
  const order = new Map(householdIds.map((id, i) => [id, i]))
  return ready.sort((a, b) => order.get(a.householdId)! - order.get(b.householdId)!)
}

/** 一户一码打印: the village's household codes, one card per door with door plate and head, 30 to a sheet. */
export default function CodesPage() {
  const [page, setPage] = useState(1)
  const [progress, setProgress] = useState<{ ready: number; total: number } | null>(null)
  const load = useCallback(async () => {
    const found = await call('cadre.households', { page, pageSize: PAGE })
    const ids = found.households.map(h => h.householdId)
    setProgress({ ready: 0, total: ids.length })
    const codes = ids.length ? await codesOf(ids, ready => setProgress({ ready, total: ids.length })) : []
    return { codes, hasMore: found.hasMore }
  }, [page])
  const { data, problem } = useLoad(load)
  const making =
    progress && progress.ready < progress.total ? (
      <View className="notice muted" data-testid="codes-progress">
        正在生成二维码 {progress.ready} / {progress.total}
      </View>
    ) : null
  if (problem)
    return (
      <View className="page">
        <Problem problem={problem} />
      </View>
    )
  if (!data) return <View className="page">{making ?? <Loading />}</View>
  return (
    <View className="page">
      {making}
      <View className="notice muted">每户一张，贴在门口。扫码只能看这户的公开信息；打分、兑换仍要村干部本人操作。</View>
      <View className="code-sheet">
        {data.codes.map(c => (
          <View
            key={c.householdId}
            className="code-card"
            data-testid="code-card"
            data-id={c.householdId}
            data-url={c.url}
          >
            <Image src={c.url} className="code-card__image" mode="aspectFit" />
            <Text className="code-card__plate">{c.doorPlate}</Text>
            <Text className="code-card__head">户主 {c.head}</Text>
          </View>
        ))}
      </View>
      <View className="links">
        {page > 1 ? (
          <View className="button secondary" onClick={() => setPage(page - 1)}>
            上一张
          </View>
        ) : null}
        {data.hasMore ? (
          <View className="button secondary" onClick={() => setPage(page + 1)}>
            下一张
          </View>
        ) : null}
      </View>
    </View>
  )
}
