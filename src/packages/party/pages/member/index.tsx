import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { PartyRuleView } from '../../../../../core/contract/party-views'
import { MEMBER_CATEGORY_NAMES } from '../../../../../core/domain/party'
import { formatDateTime, periodKeys } from '../../../../../core/domain/period'
import { PENDING_STATE_NAMES } from '../../../../../core/domain/workflow'
import { CAP_PERIOD_NAMES } from '../../../../../core/domain/rules'
import { call } from '../../../../services/api'
import { useWrite } from '../../../../services/write'
import { useLoad } from '../../../../services/use-route'
import { PointsStepper } from '../../../../components/PointsStepper'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { Screen } from '../../../../components/Screen'
import { Stars } from '../../components/Stars'
import '../../components/party.css'

/** 我的党员积分: this year's points and place in the branch, my stars, my items, my claims, my rules. */
export default function MemberPage() {
  const write = useWrite()
  const { data, problem, reload } = useLoad(useCallback(() => call('partyMember.home', {}), []))
  const [rule, setRule] = useState<PartyRuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [description, setDescription] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const [objecting, setObjecting] = useState<string | null>(null)
  const [reason, setReason] = useState('')

  const claim = () =>
    write.run(
      'partyClaim.create',
      { ruleId: rule!.id, points, description, evidence },
      {
        done: '已提交申报',
        after: () => {
          setRule(null)
          setDescription('')
          setEvidence([])
          return reload()
        }
      }
    )
  const object = (entryId: string) =>
    write.run(
      'partyObjection.create',
      { entryId, reason },
      {
        done: '已提交异议',
        after: () => {
          setObjecting(null)
          setReason('')
        }
      }
    )

  return (
    <Screen data={data} problem={problem}>
      {home => (
        <>
          <View className="party-card">
            <View>
              {home.name} · {home.branchName} · {MEMBER_CATEGORY_NAMES[home.category]}
            </View>
            <Text className="party-card__number" data-testid="member-year-points">
              {home.runningTotal}
            </Text>
            <Text>
              分（基础分{home.baseScore} + 今年{home.yearPoints >= 0 ? '+' : ''}
              {home.yearPoints}）
            </Text>
            <View className="party-card__facts">
              <Text>
                支部第{home.placeInBranch}名 / 共{home.membersInBranch}人
              </Text>
              <Text>
                本季度 {home.quarterPoints >= 0 ? '+' : ''}
                {home.quarterPoints}
              </Text>
            </View>
            {home.stars.slice(0, 1).map(s => (
              <View key={s.year} className="party-card__stars">
                {s.year}年 <Stars stars={s.stars} exempt={s.exempt} posting={s.state === 'posted'} />
              </View>
            ))}
            {home.exempt ? <View>支部已同意免评</View> : null}
          </View>

          <View className="section-title">我要申报</View>
          {rule ? (
            <View className="notice">
              <View>{rule.title}</View>
              <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
              <Input
                className="input"
                data-testid="party-claim-description"
                value={description}
                maxlength={200}
                placeholder="做了什么（必填）"
                onInput={e => setDescription(e.detail.value)}
              />
              <View className="field__label">照片{rule.evidenceRequired ? '（这一项必须附照片）' : '（可不附）'}</View>
              <EvidencePicker files={evidence} onChange={setEvidence} />
              <View className="button" data-testid="party-claim-submit" onClick={() => void claim()}>
                提交申报
              </View>
              <View
                className="button secondary"
                onClick={() => {
                  setRule(null)
                  setEvidence([])
                }}
              >
                不申报了
              </View>
            </View>
          ) : (
            <View className="list">
              {home.rules
                .filter(r => r.claimable)
                .map(r => (
                  <View
                    key={r.id}
                    className="list__row"
                    data-testid="party-claim-rule"
                    data-rule={r.id}
                    onClick={() => {
                      setRule(r)
                      setPoints(r.points.min)
                    }}
                  >
                    <View className="list__body">
                      <Text className="list__title">{r.title}</Text>
                      <Text className="list__meta">
                        {r.group} · {r.points.min === r.points.max ? r.points.min : `${r.points.min}～${r.points.max}`}
                        分
                      </Text>
                    </View>
                    <Text className="list__action">申报</Text>
                  </View>
                ))}
            </View>
          )}

          {home.claims.length ? <View className="section-title">我的申报</View> : null}
          <View className="list">
            {home.claims.map(c => (
              <View key={c.id} className="list__row" data-testid="party-my-claim" data-state={c.state}>
                <View className="list__body">
                  <Text className="list__title">{c.ruleTitle}</Text>
                  <Text className="list__meta">
                    {PENDING_STATE_NAMES[c.state]} · {formatDateTime(c.at)}
                    {c.reason ? ` · ${c.reason}` : ''}
                  </Text>
                </View>
                <Text className="list__number">+{c.points}</Text>
              </View>
            ))}
          </View>

          <View className="section-title">{home.year}年的积分</View>
          {home.openPosting ? <View className="notice muted">本季度积分正在支部公示，有不对的可以提异议。</View> : null}
          <View className="list">
            {home.entries.map(e => (
              <View key={e.id} className="list__row" data-testid="party-entry">
                <View className="list__body">
                  <Text className="list__title">{e.title}</Text>
                  <Text className="list__meta">
                    {formatDateTime(e.at)} · {e.byName}
                  </Text>
                  {objecting === e.id ? (
                    <View>
                      <Input
                        className="input"
                        value={reason}
                        placeholder="哪里不对"
                        onInput={ev => setReason(ev.detail.value)}
                      />
                      <View className="button" onClick={() => void object(e.id)}>
                        提交异议
                      </View>
                    </View>
                  ) : null}
                </View>
                <Text className={`list__number ${e.points < 0 ? 'minus' : 'plus'}`}>
                  {e.points > 0 ? `+${e.points}` : e.points}
                </Text>
                {home.openPosting && periodKeys(e.at).quarter === home.openPosting.quarter && objecting !== e.id ? (
                  <Text className="list__action" onClick={() => setObjecting(e.id)}>
                    提异议
                  </Text>
                ) : null}
              </View>
            ))}
            {home.entries.length === 0 ? <View className="list__row muted">今年还没有积分</View> : null}
          </View>

          {home.stars.length > 1 ? <View className="section-title">往年评星</View> : null}
          <View className="list">
            {home.stars.slice(1).map(s => (
              <View key={s.year} className="list__row">
                <View className="list__body">
                  {s.year}年 <Stars stars={s.stars} exempt={s.exempt} />
                </View>
                <Text className="list__number">{s.exempt ? '' : s.total}</Text>
              </View>
            ))}
          </View>

          <View className="section-title">我这一类党员的积分细则</View>
          <View className="list">
            {home.rules.map(r => (
              <View key={r.id} className="list__row">
                <View className="list__body">
                  <Text className="list__title">{r.title}</Text>
                  <Text className="list__meta">
                    {r.group}
                    {r.cap ? ` · ${CAP_PERIOD_NAMES[r.cap.period]}最多${r.cap.max}分` : ''}
                  </Text>
                </View>
                <Text className={`list__number ${r.points.min < 0 ? 'minus' : 'plus'}`}>
                  {r.points.min > 0 ? '+' : ''}
                  {r.points.min === r.points.max ? r.points.min : `${r.points.min}～${r.points.max}`}
                </Text>
              </View>
            ))}
          </View>
          <View className="notice muted">
            年终总分 = 基础分{home.settings.baseScore} + 全年积分 + 民主评议（最多{home.settings.reviewMax}分）。
            {home.settings.starThresholds.map((t, i) => `${i + 1}星${t}分`).join('，')}，不到
            {home.settings.starThresholds[0]}分为不合格。
          </View>
        </>
      )}
    </Screen>
  )
}
