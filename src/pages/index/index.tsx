import { useCallback, useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { ApiError, call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { HouseholdCard } from '../../components/HouseholdCard'
import { EntryList } from '../../components/EntryList'
import { NoticeList } from '../../components/NoticeList'
import { IssueList } from '../../components/IssueList'
import { Loading, Problem } from '../../components/Problem'
import { Workbenches } from '../../components/Workbenches'
import type { SessionView } from '../../../core/contract/views'
import { HappeningNow } from '../../components/HappeningNow'
import { Links } from '../../components/Links'

const NOTICES_ON_HOME = 3

/**
 * The title says what the home shows: 我家积分 where it shows a household's points (a cadre or grid
 * worker who lives in the village too keeps it), 工作台 for staff without a household of their own,
 * the app's name for someone who has not joined one yet.
 */
export function homeTitle(session: SessionView, showsHousehold: boolean): string {
  if (showsHousehold || session.roles.some(r => r.role === 'villager')) return '我家积分'
  return session.roles.length ? '工作台' : '乡村积分'
}

/**
 * The home. For a villager, in order of weight: the household's points card, the latest and pinned
 * notices, the way to the services, their open issues, then the latest entries. For anyone else:
 * how to join a household, and the workbench of their role.
 */
export default function Index() {
  const large = useLargeFont()
  const load = useCallback(async () => {
    const [session, home] = await Promise.all([
      call('me.session', {}),
      call('archive.home', {}).catch((e: ApiError) => e)
    ])
    if (home instanceof ApiError) return { session, home, notices: [], issues: [], happening: null }
    const [notices, issues, happening] = await Promise.all([
      call('notice.list', {}),
      call('issue.mine', {}),
      call('village.now', {})
    ])
    return {
      session,
      home,
      notices: notices.notices.slice(0, NOTICES_ON_HOME),
      issues: issues.issues.filter(i => i.state !== 'closed').slice(0, 3),
      happening
    }
  }, [])
  const { data, problem } = useLoad(load)
  const go = (url: string) => Taro.navigateTo({ url })
  const title = data ? homeTitle(data.session, !(data.home instanceof ApiError)) : null
  // the page's own title (乡村积分) until the session says whose page it is; set again on each show, as
  // coming back to the page may put the configured title back
  const shownTitle = useRef<string | null>(null)
  shownTitle.current = title
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title })
  }, [title])
  useDidShow(() => {
    if (shownTitle.current) void Taro.setNavigationBarTitle({ title: shownTitle.current })
  })

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : data.home instanceof ApiError ? (
        <>
          {data.session.roles.some(r => r.role === 'villager') ? (
            <Problem problem={data.home} />
          ) : data.session.roles.length ? (
            <StaffGreeting session={data.session} />
          ) : (
            <View className="notice">
              您还没有绑定家庭户。请向村干部要一个“入户码”，填上就能看到自家的积分。
              <View className="button" data-testid="open-join" onClick={() => go('/pages/join/index')}>
                用入户码加入
              </View>
            </View>
          )}
          <Workbenches session={data.session} />
        </>
      ) : (
        <>
          <HouseholdCard card={data.home.card} latest={data.home.latest[0]} />
          <Links
            links={[
              { label: '积分明细', url: '/pages/history/index' },
              { label: '积分细则', url: '/pages/rules/index' }
            ]}
          />
          <Links
            links={[
              { label: '申报积分', url: '/packages/villager/pages/claim/index', testid: 'open-claim' },
              { label: '积分公示', url: '/pages/posting/index', testid: 'open-posting' }
            ]}
          />
          <HappeningNow now={data.happening} />
          <View className="section-title" onClick={() => go('/pages/notices/index')} data-testid="open-notices">
            通知公告 · 三务公开 ›
          </View>
          <NoticeList notices={data.notices} />
          <View
            className="button secondary"
            data-testid="open-party-public"
            onClick={() => go('/packages/party/pages/public/index')}
          >
            党组织星级 · 党员积分公示
          </View>
          <View
            className="button"
            data-testid="open-services"
            onClick={() => go('/packages/villager/pages/services/index')}
          >
            便民服务（社保、医保、证件……）
          </View>
          <View className="section-title">我说的事</View>
          {data.issues.length ? (
            <IssueList issues={data.issues} onOpen={() => go('/packages/villager/pages/issues/index')} />
          ) : null}
          <View
            className="button secondary"
            data-testid="open-issues"
            onClick={() => go('/packages/villager/pages/issues/index')}
          >
            我要说事
          </View>
          <View className="section-title">最近的积分</View>
          <EntryList entries={data.home.latest} postingDays={data.home.card.postingDays} />
          <Workbenches session={data.session} />
        </>
      )}
    </View>
  )
}

/** Staff without a household of their own: who they are here, their workbench below, joining last. */
function StaffGreeting({ session }: { session: SessionView }) {
  return (
    <View className="notice" data-testid="staff-greeting">
      <View className="section-title">您好{session.name ? `，${session.name}` : ''}</View>
      {session.roles.map(r => `${r.placeName}${r.label}`).join('、')}。您的工作在下面的工作台里。
      <View className="muted">如果您家也在村里，可以向村干部要入户码，在“我的”里加入家庭户。</View>
    </View>
  )
}
