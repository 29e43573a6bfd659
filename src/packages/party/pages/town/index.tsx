import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_NAMES, PARTY_ORG_NAMES } from '../../../../../core/domain/party'
import { call } from '../../../../services/api'
import { useWrite } from '../../../../services/write'
import { useLoad } from '../../../../services/use-route'
import { Tabs } from '../../../../components/Tabs'
import { Screen } from '../../../../components/Screen'
import { branchName } from '../../components/branch-name'
import '../../components/party.css'

type Tab = 'branches' | 'orgs' | 'post'
const TABS: { value: Tab; label: string }[] = [
  { value: 'branches', label: '党支部' },
  { value: 'orgs', label: '党组织星级' },
  { value: 'post', label: '评星公示' }
]
const STAR_LABELS = ['不合格', '1星', '2星', '3星', '4星', '5星']

/**
 * 镇党委工作台: branches and members by category, star distribution, who is unscored, organisations'
 * stars, posting ratings.
 */
export default function TownPage() {
  const write = useWrite()
  const [tab, setTab] = useState<Tab>('branches')
  const { data, problem, reload } = useLoad(useCallback(() => call('partyTown.overview', {}), []))
  const [rating, setRating] = useState<{ orgId: string; stars: number; reason: string } | null>(null)
  return (
    <Screen data={data} problem={problem}>
      {town => (
        <>
          <View className="section-title">
            {town.townName} · {town.quarter.replace('-Q', '年第')}季度
          </View>
          <View
            className="button secondary"
            data-testid="open-party-settings"
            onClick={() => Taro.navigateTo({ url: '/packages/party/pages/settings/index' })}
          >
            评星设置：基础分{town.settings.baseScore}，五星{town.settings.starThresholds[4]}分
          </View>
          <Tabs<Tab> options={TABS} value={tab} onChange={setTab} />
          {tab === 'branches'
            ? town.branches.map(b => {
                const most = Math.max(1, ...b.stars.counts)
                return (
                  <View key={b.branchId} className="notice" data-testid="town-branch" data-branch={b.branchId}>
                    <View className="section-title">
                      {branchName(b)} · {b.members}人
                    </View>
                    <View>
                      {MEMBER_CATEGORIES.map(c => `${MEMBER_CATEGORY_NAMES[c]}${b.byCategory[c]}`).join(' · ')}
                    </View>
                    <View className="muted">
                      {b.stars.year}年评星{b.stars.state ? '' : '（还没录入）'}，免评{b.stars.exempt}人
                    </View>
                    {b.stars.counts.map((n, i) => (
                      <View key={i} style={{ display: 'flex', alignItems: 'center' }}>
                        <Text style={{ width: '120px' }}>{STAR_LABELS[i]}</Text>
                        <View className="bar" style={{ width: `${(n / most) * 60}%` }} />
                        <Text style={{ marginLeft: '12px' }}>{n}</Text>
                      </View>
                    ))}
                    <View className="muted" data-testid="not-scored">
                      本季度还没记分：
                      {b.notScoredCount
                        ? `${b.notScoredCount}人，${b.notScoredThisQuarter.map(m => m.name).join('、')}` +
                          (b.notScoredCount > b.notScoredThisQuarter.length ? '等' : '')
                        : '没有'}
                    </View>
                  </View>
                )
              })
            : null}
          {tab === 'orgs' ? (
            <View className="list">
              {town.orgs.map(o => (
                <View key={o.orgId} className="list__row" data-testid="town-org">
                  <View className="list__body">
                    <Text className="list__title">
                      {o.name}（{PARTY_ORG_NAMES[o.kind]}）
                    </Text>
                    <Text className="list__meta">
                      {o.stars
                        ? `${o.stars.year}年 ${'★'.repeat(o.stars.stars)} ${o.stars.reason}` +
                          (o.stars.state === 'posted' ? '（公示中）' : '')
                        : '还没评星'}
                    </Text>
                    {rating?.orgId === o.orgId ? (
                      <View>
                        {[1, 2, 3, 4, 5].map(n => (
                          <Text
                            key={n}
                            className={`choice ${rating.stars === n ? 'choice--on' : ''}`}
                            onClick={() => setRating({ ...rating, stars: n })}
                          >
                            {n}星
                          </Text>
                        ))}
                        <Input
                          className="input"
                          value={rating.reason}
                          placeholder="评星理由（必填）"
                          onInput={e => setRating({ ...rating, reason: e.detail.value })}
                        />
                        <View
                          className="button"
                          onClick={() =>
                            void write.run(
                              'partyTown.rateOrg',
                              {
                                orgId: o.orgId,
                                year: town.year,
                                stars: rating.stars,
                                reason: rating.reason
                              },
                              {
                                done: '已评星并公示',
                                after: () => {
                                  setRating(null)
                                  return reload()
                                }
                              }
                            )
                          }
                        >
                          评{rating.stars}星，公示5天
                        </View>
                      </View>
                    ) : null}
                  </View>
                  {o.stars?.year === town.year || rating?.orgId === o.orgId ? null : (
                    <Text className="list__action" onClick={() => setRating({ orgId: o.orgId, stars: 3, reason: '' })}>
                      评{town.year}年星级
                    </Text>
                  )}
                </View>
              ))}
            </View>
          ) : null}
          {tab === 'post' ? (
            <View className="list">
              {town.sheetsToPost.map(s => (
                <View key={s.branchId + s.year} className="list__row" data-testid="sheet-to-post">
                  <View className="list__body">
                    {s.branchName} · {s.year}年评星（支部已确认）
                  </View>
                  <Text
                    className="list__action"
                    data-testid="post-rating"
                    onClick={() =>
                      void write.run(
                        'partyRating.post',
                        { year: s.year, branchId: s.branchId },
                        { done: '已公示', after: reload }
                      )
                    }
                  >
                    公示{town.settings.ratingPostingDays}天
                  </Text>
                </View>
              ))}
              {town.sheetsToPost.length === 0 ? <View className="list__row muted">没有等待公示的评星</View> : null}
            </View>
          ) : null}
        </>
      )}
    </Screen>
  )
}
