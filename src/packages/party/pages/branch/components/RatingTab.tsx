import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { RATING_STATE_NAMES, rate, starWord } from '../../../../../../core/domain/party'
import { call } from '../../../../../services/api'
import { useWrite } from '../../../../../services/write'
import { useTabLoad } from '../../../components/use-tab-load'
import { Problem } from '../../../../../components/Problem'
import { PointsStepper } from '../../../../../components/PointsStepper'

/**
 * 评星: enter each member's 民主评议 score; the total and star show as it is entered (the server
 * computes them again when it saves). Then the branch confirms and the town posts it.
 */
export function RatingTab({ year }: { year: string }) {
  const write = useWrite()
  const { data, problem, reload } = useTabLoad(useCallback(() => call('partyRating.sheet', { year }), [year]))
  const [reviews, setReviews] = useState<Record<string, number>>({})
  if (problem) return <Problem problem={problem} />
  if (!data) return <View className="notice muted">正在加载…</View>
  const editable = data.state === null || data.state === 'entered' || data.state === 'confirmed'
  const reviewOf = (memberId: string, stored: number) => reviews[memberId] ?? stored
  const save = () =>
    write.run(
      'partyRating.enter',
      {
        year,
        reviews: data.rows.map(r => ({ memberId: r.memberId, review: reviewOf(r.memberId, r.review) }))
      },
      { done: '已保存', after: reload }
    )
  return (
    <View>
      <View className="notice" data-testid="rating-state">
        {year}年评星：{data.state ? RATING_STATE_NAMES[data.state] : '还没录入'}
        <View className="muted">
          总分 = 基础分{data.settings.baseScore} + 全年积分 + 民主评议（0～{data.settings.reviewMax}分）
        </View>
      </View>
      <View className="list">
        {data.rows.map(r => {
          const review = reviewOf(r.memberId, r.review)
          const outcome = rate(data.settings, r, r.points, review)
          return (
            <View key={r.memberId} className="list__row" data-testid="rating-row" data-member={r.memberId}>
              <View className="list__body">
                <Text className="list__title">
                  {r.name} · {starWord(outcome)}
                </Text>
                <Text className="list__meta">
                  全年{r.points >= 0 ? '+' : ''}
                  {r.points} · 评议{review}
                </Text>
                {editable && !r.exempt ? (
                  <PointsStepper
                    min={0}
                    max={data.settings.reviewMax}
                    value={review}
                    onChange={v => setReviews({ ...reviews, [r.memberId]: v })}
                  />
                ) : null}
              </View>
              <Text className="list__number">{outcome.exempt ? '免评' : outcome.total}</Text>
            </View>
          )
        })}
      </View>
      {editable ? (
        <View className="button" data-testid="rating-save" onClick={() => void save()}>
          保存民主评议分
        </View>
      ) : null}
      {data.state === 'entered' ? (
        <View
          className="button secondary"
          data-testid="rating-confirm"
          onClick={() => void write.run('partyRating.confirm', { year }, { done: '支部已确认', after: reload })}
        >
          支部确认，报镇党委公示
        </View>
      ) : null}
    </View>
  )
}
