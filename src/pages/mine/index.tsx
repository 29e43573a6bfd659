import { useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { RouteResult } from '../../../core/contract/routes'
import { ApiError, call } from '../../services/api'
import { useWrite } from '../../services/write'
import { readLargeFont, rememberLargeFont } from '../../services/large-font'
import { Workbenches } from '../../components/Workbenches'
import { askToBeTold } from '../../services/subscribe'
import { POLICY_PAGE } from '../../services/privacy'

type Session = RouteResult<'me.session'>

/** Who I am in the village (my roles) and the large-font switch. */
export default function Mine() {
  const [session, setSession] = useState<Session | null>(null)
  const [large, setLarge] = useState(readLargeFont)
  const write = useWrite()

  useDidShow(() => {
    call('me.session', {})
      .then(s => {
        setSession(s)
        setLarge(s.largeFont)
        rememberLargeFont(s.largeFont)
      })
      .catch((e: ApiError) => Taro.showToast({ title: e.message, icon: 'none' }))
  })

  const toggleLargeFont = async (on: boolean) => {
    setLarge(on)
    rememberLargeFont(on)
    if (session?.roles.length) {
      // kept on the phone already; the account follows when the network allows, without a dialog
      await write.run('me.setPreferences', { largeFont: on }, { quiet: true })
    }
  }

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice">
        <Text className="section-title">{session?.name || '微信用户'}</Text>
        {session?.roles.length === 0 ? <View className="muted">您还没有加入村里，请找村干部领取入户码。</View> : null}
        {session ? (
          <View className="muted" data-testid="my-openid">
            我的编号：{session.openid}（村干部给您授权时要用）
          </View>
        ) : null}
        {session?.roles.map(r => (
          <View key={`${r.role}-${r.placeName}`}>
            {r.placeName} · {r.label}
          </View>
        ))}
      </View>
      {session?.roles.some(r => r.role === 'villager') && process.env.TARO_ENV === 'weapp' ? (
        <View className="button secondary" onClick={() => void askToBeTold(['points', 'issue', 'order'])}>
          接收积分变动和办事进度提醒
        </View>
      ) : null}
      {session ? <Workbenches session={session} /> : null}
      {session && !session.roles.some(r => r.role === 'partyMember') ? (
        <View
          className="button secondary"
          data-testid="open-party-bind"
          onClick={() => Taro.navigateTo({ url: '/packages/party/pages/bind/index' })}
        >
          我是党员，绑定党员身份
        </View>
      ) : null}
      <View className="notice" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Text>大字模式</Text>
        <Switch checked={large} onChange={e => void toggleLargeFont(e.detail.value)} color="#c8321e" />
      </View>
      <View className="button secondary" onClick={() => void Taro.navigateTo({ url: POLICY_PAGE })}>
        隐私政策
      </View>
    </View>
  )
}
