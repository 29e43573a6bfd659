import { useCallback, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import type { HouseholdCode } from '../../../../../core/contract/views'
import Taro from '@tarojs/taro'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Loading, Problem } from '../../../../components/Problem'

const PAGE = 30

/** The browser's print dialog (app.css's print stylesheet leaves only the cards); WeChat cannot print. */
function printSheet() {
  if (process.env.TARO_ENV === 'h5') window.print()
  else Taro.showModal({ title: '打印', content: '请在电脑上打开这一页打印', showCancel: false })
}

/** 一户一码打印: the village's household codes, one card per door with door plate and head, 30 to a sheet. */
export default function CodesPage() {
  const [page, setPage] = useState(1)
  const load = useCallback(async () => {
    const found = await call('cadre.households', { page, pageSize: PAGE })
    const { codes } = found.households.length
      ? await call('household.codes', { householdIds: found.households.map(h => h.householdId) })
      : { codes: [] as HouseholdCode[] }
    return { codes, hasMore: found.hasMore }
  }, [page])
  const { data, problem } = useLoad(load)
  if (problem)
    return (
      <View className="page">
        <Problem problem={problem} />
      </View>
    )
  if (!data)
    return (
      <View className="page">
        <Loading />
      </View>
    )
  return (
    <View className="page">
      <View className="notice muted no-print">
        每户一张，贴在门口。扫码只能看这户的公开信息；打分、兑换仍要村干部本人操作。
      </View>
      <View className="button no-print" data-testid="print-codes" onClick={printSheet}>
        打印这一张
      </View>
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
      <View className="links no-print">
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
