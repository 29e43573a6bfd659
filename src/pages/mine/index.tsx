import { useCallback, useEffect, useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SessionView } from '../../../core/contract/views'
import { OBJECTION_STATE_NAMES } from '../../../core/domain/workflow'
import { call } from '../../services/api'
import { useWrite } from '../../services/write'
import { useLoad } from '../../services/use-route'
import { readLargeFont, rememberLargeFont } from '../../services/large-font'
import { askToBeTold } from '../../services/subscribe'
import { Workbenches } from '../../components/Workbenches'
import { OrderList } from '../../components/OrderList'
import { PendingList } from '../../components/PendingList'
import { IssueList } from '../../components/IssueList'
import { Loading, Problem } from '../../components/Problem'
import { isVillager } from '../../components/NotForThisRole'
import { POLICY_PAGE } from '../../services/privacy'

const SHOWN = 3

/** Everything that is mine: the household's work (a villager's), the staff's workbenches, and settings. */
async function loadMine() {
  const session = await call('me.session', {})
  if (!isVillager(session)) return { session, household: null }
  const [home, orders, claims, objections, issues] = await Promise.all([
    call('archive.home', {}),
    call('shop.myOrders', {}),
    call('pending.mine', {}),
    call('objection.mine', {}),
    call('issue.mine', {})
  ])
  return {
    session,
    household: {
      card: home.card,
      members: home.members,
      orders: orders.orders.slice(0, SHOWN),
      claims: claims.items.slice(0, SHOWN),
      objections: objections.items.slice(0, SHOWN),
      issues: issues.issues.slice(0, SHOWN)
    }
  }
}

/** What a person is called on screen: their name, else what they are (never 微信用户 for a known role). */
const displayName = (s: SessionView) =>
  s.name || (s.roles[0] ? `${s.roles[0].placeName}${s.roles[0].label}` : '还没有加入村里')

/** 我的: my household and members, my orders, claims, objections with answers, issues; staff workbenches; settings. */
export default function Mine() {
  const { data, problem } = useLoad(useCallback(loadMine, []))
  const [large, setLarge] = useState(readLargeFont)
  const go = (url: string) => Taro.navigateTo({ url })
  const write = useWrite()
  // the preference follows the user to a new phone
  const remembered = data?.session.largeFont
  useEffect(() => {
    if (remembered === undefined) return
    setLarge(remembered)
    rememberLargeFont(remembered)
  }, [remembered])

  const toggleLargeFont = async (on: boolean) => {
    setLarge(on)
    rememberLargeFont(on)
    // kept on the phone already; the account follows when the network allows, without a dialog
    if (data?.session.roles.length) await write.run('me.setPreferences', { largeFont: on }, { quiet: true })
  }
  const session = data?.session
  const household = data?.household

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? <Problem problem={problem} /> : !session ? <Loading /> : null}
      {session ? (
        <View className="notice">
          <Text className="section-title" data-testid="my-name">
            {displayName(session)}
          </Text>
          {session.roles.map(r => (
            <View key={`${r.role}-${r.placeName}`}>
              {r.placeName} · {r.label}
            </View>
          ))}
          {session.roles.some(r => r.role === 'villager') ? null : (
            <View
              className="button secondary"
              data-testid="mine-join"
              onClick={() => void Taro.navigateTo({ url: '/pages/join/index' })}
            >
              用入户码加入家庭户
            </View>
          )}
          <MyNumber openid={session.openid} />
        </View>
      ) : null}
      {household ? (
        <>
          <View className="section-title">我家</View>
          <View className="list" data-testid="my-household">
            <View className="list__row">
              <View className="list__body">
                <Text className="list__title">
                  {household.card.villageName} {household.card.doorPlate}
                </Text>
                <Text className="list__meta">户主 {household.card.head}</Text>
              </View>
              <Text className="list__number">{household.card.balance}分</Text>
            </View>
            <View className="list__row">
              <View className="list__body">
                <Text className="list__meta">家庭成员</Text>
                <View>
                  {household.members.map(m => (
                    <Text key={m.name} className="chip" data-testid="member-row">
                      {m.name}（{m.relation}
                      {m.partyMember ? '·党员' : ''}）
                    </Text>
                  ))}
                </View>
              </View>
            </View>
          </View>
          <More title="我的订单" onMore={() => Taro.switchTab({ url: '/pages/shop/index' })} />
          <OrderList orders={household.orders} />
          <More title="我的申报" onMore={() => go('/packages/villager/pages/claim/index')} />
          <PendingList items={household.claims} />
          <More title="我提的异议" onMore={() => go('/packages/villager/pages/objection/index')} />
          <View className="list" data-testid="my-objections">
            {household.objections.map(o => (
              <View key={o.id} className="list__row" data-testid="my-objection" data-state={o.state}>
                <View className="list__body">
                  <Text className="list__title">
                    {o.doorPlate} · {o.title}
                  </Text>
                  <Text className="list__meta">
                    {OBJECTION_STATE_NAMES[o.state]} · 我的理由：{o.reason}
                  </Text>
                  {o.reply ? <Text className="list__title">村里答复：{o.reply}</Text> : null}
                </View>
              </View>
            ))}
            {household.objections.length === 0 ? <View className="list__row muted">还没有</View> : null}
          </View>
          <More title="我说的事" onMore={() => go('/packages/villager/pages/issues/index')} />
          <IssueList issues={household.issues} onOpen={() => go('/packages/villager/pages/issues/index')} />
        </>
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
      <View className="section-title">设置</View>
      <View className="notice" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Text>大字模式</Text>
        <Switch
          checked={large}
          data-testid="large-font"
          onChange={e => void toggleLargeFont(e.detail.value)}
          color="#c8321e"
        />
      </View>
      {household ? (
        <View className="notice" data-testid="my-notifications">
          <View>消息提醒：积分变动、说的事有答复、兑换的东西到了，微信会通知您。</View>
          {process.env.TARO_ENV === 'weapp' ? (
            <View className="button secondary" onClick={() => void askToBeTold(['points', 'issue', 'order'])}>
              接收积分变动和办事进度提醒
            </View>
          ) : (
            <View className="muted">在微信里打开小程序才能设置提醒。</View>
          )}
        </View>
      ) : null}
      <View className="button secondary" onClick={() => void Taro.navigateTo({ url: POLICY_PAGE })}>
        隐私政策
      </View>
    </View>
  )
}

function More({ title, onMore }: { title: string; onMore: () => void }) {
  return (
    <View className="section-title" onClick={onMore}>
      {title} ›
    </View>
  )
}

/**
 * The number someone needs to give me a role (a cadre making a villager a grid worker, the county
 * adding an administrator): an id, so it stays folded away until asked for.
 */
function MyNumber({ openid }: { openid: string }) {
  const [shown, setShown] = useState(false)
  return shown ? (
    <View className="muted" data-testid="my-openid">
      我的编号：{openid}（有人要给我安排工作时，把它告诉对方）
    </View>
  ) : (
    <View className="muted" data-testid="show-openid" onClick={() => setShown(true)}>
      查看我的编号 ›
    </View>
  )
}
