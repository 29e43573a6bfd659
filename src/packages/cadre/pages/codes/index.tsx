import { useCallback, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { HouseholdCode } from '../../../../../core/contract/views'
import Taro from '@tarojs/taro'
import { ApiError, call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

const PAGE = 30
/** calls for one sheet at most: every call makes at least one new code, so a sheet never needs more */
const CALLS_PER_SHEET_MAX = PAGE

/**
 * One sheet's codes. Codes already made come back at once; new ones are made a few per call (each call
 * stays far inside the function's time limit), so the page asks again for the rest and shows how far
 * it got.
 */
async function codesOf(householdIds: string[], onProgress: (ready: HouseholdCode[]) => void): Promise<HouseholdCode[]> {
  const ready: HouseholdCode[] = []
  let waiting = householdIds
  for (let calls = 0; waiting.length && calls < CALLS_PER_SHEET_MAX; calls++) {
    const { codes, pending } = await call('household.codes', { householdIds: waiting })
    if (!codes.length) break
    ready.push(...codes)
    onProgress([...ready])
    waiting = pending
  }
  if (waiting.length) throw new ApiError('INTERNAL', '二维码还没有全部生成，请稍后再试')
  const order = new Map(householdIds.map((id, i) => [id, i]))
  return ready.sort((a, b) => order.get(a.householdId)! - order.get(b.householdId)!)
}

/** The browser's print dialog (app.css's print stylesheet leaves only the cards); WeChat cannot print. */
function printSheet() {
  if (process.env.TARO_ENV === 'h5') window.print()
  else Taro.showModal({ title: '打印', content: '请在电脑上打开这一页打印', showCancel: false })
}

/** 一户一码打印: the village's household codes, one card per door with door plate and head, 30 to a sheet. */
export default function CodesPage() {
  const large = useLargeFont()
  const [page, setPage] = useState(1)
  // the codes made so far while the sheet is being made, shown as they come
  const [progress, setProgress] = useState<{ ready: HouseholdCode[]; total: number } | null>(null)
  const load = useCallback(async () => {
    const found = await call('cadre.households', { page, pageSize: PAGE })
    const ids = found.households.map(h => h.householdId)
    setProgress({ ready: [], total: ids.length })
    const codes = ids.length ? await codesOf(ids, ready => setProgress({ ready, total: ids.length })) : []
    return { codes, hasMore: found.hasMore }
  }, [page])
  const { data, problem } = useLoad(load)
  const making = progress && progress.ready.length < progress.total ? progress : null
  if (problem)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Problem problem={problem} />
      </View>
    )
  if (!data && !making)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Loading />
      </View>
    )
  const cards = making ? making.ready : data!.codes
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {making ? (
        <View className="notice muted" data-testid="codes-progress">
          正在生成二维码 {making.ready.length} / {making.total}
        </View>
      ) : (
        <View className="notice muted no-print">
          每户一张，贴在门口。扫码只能看这户的公开信息；打分、兑换仍要村干部本人操作。
        </View>
      )}
      {making ? null : (
        <View className="button no-print" data-testid="print-codes" onClick={printSheet}>
          打印这一张
        </View>
      )}
      <View className="code-sheet">
        {cards.map(c => (
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
      {making ? null : (
        <View className="links no-print">
          {page > 1 ? (
            <View className="button secondary" onClick={() => setPage(page - 1)}>
              上一张
            </View>
          ) : null}
          {data!.hasMore ? (
            <View className="button secondary" onClick={() => setPage(page + 1)}>
              下一张
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}
