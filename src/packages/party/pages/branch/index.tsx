import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { periodKeys } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Tabs } from '../../../../components/Tabs'
import { Screen } from '../../../../components/Screen'
import { MembersTab } from './components/MembersTab'
import { MeetingTab } from './components/MeetingTab'
import { ReviewTab } from './components/ReviewTab'
import { PostingTab } from './components/PostingTab'
import { RatingTab } from './components/RatingTab'
import '../../components/party.css'

type Tab = 'members' | 'meeting' | 'review' | 'posting' | 'rating'
const TABS: { value: Tab; label: string }[] = [
  { value: 'members', label: '党员' },
  { value: 'meeting', label: '记会议' },
  { value: 'review', label: '审核' },
  { value: 'posting', label: '公示' },
  { value: 'rating', label: '评星' }
]

/** 党支部工作台 of a 支部书记 or 党务管理员: members by category, a meeting, review, posting, the annual rating. */
export default function BranchPage() {
  const [tab, setTab] = useState<Tab>('members')
  const { data, problem, reload } = useLoad(useCallback(() => call('partyBranch.members', {}), []))
  return (
    <Screen data={data} problem={problem}>
      {branch => (
        <>
          <View className="section-title">{branch.branchName}</View>
          <View
            className="button secondary"
            data-testid="open-party-rules"
            onClick={() => Taro.navigateTo({ url: '/packages/party/pages/rules/index' })}
          >
            积分细则（{branch.rules.length}条）
          </View>
          <Tabs<Tab> options={TABS} value={tab} onChange={setTab} />
          {tab === 'members' ? <MembersTab branch={branch} reload={reload} /> : null}
          {tab === 'meeting' ? <MeetingTab branch={branch} reload={reload} /> : null}
          {tab === 'review' ? <ReviewTab /> : null}
          {tab === 'posting' ? <PostingTab quarter={branch.quarter} /> : null}
          {tab === 'rating' ? <RatingTab year={periodKeys(Date.now()).year} /> : null}
        </>
      )}
    </Screen>
  )
}
