import { useState } from 'react'
import { View } from '@tarojs/components'
import { useLargeFont } from '../../../../services/large-font'
import { Tabs } from '../../../../components/Tabs'
import { WideRankingList } from '../../../../components/WideRankingList'

const SCOPES: { value: 'town' | 'county'; label: string }[] = [
  { value: 'town', label: '全镇' },
  { value: 'county', label: '全县' }
]

/** 全镇/全县家庭积分榜: households across the town or the county by points earned; more by a cursor. */
export default function WideRanking() {
  const large = useLargeFont()
  const [scope, setScope] = useState<'town' | 'county'>('town')
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Tabs<'town' | 'county'> options={SCOPES} value={scope} onChange={setScope} />
      <WideRankingList key={scope} scope={scope} />
    </View>
  )
}
