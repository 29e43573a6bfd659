import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { EntryView } from '../../../../../core/contract/views'
import { formatDate, formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { EntryList } from '../../../../components/EntryList'
import { Loading, Problem } from '../../../../components/Problem'
import { confirmFirst } from '../../../../services/confirm'
import { readyToSend } from '../../../../services/form-check'

/**
 * One household for the cadre: points, members, entries (with correction), who is bound and which of
 * them is the head (户主, marked here when nobody bound under the head's name), join codes.
 */
export default function HouseholdPage() {
  const large = useLargeFont()
  const householdId = useRouter().params.id ?? ''
  const { data, problem, reload } = useLoad(useCallback(() => call('cadre.household', { householdId }), [householdId]))
  const [fixing, setFixing] = useState<EntryView | null>(null)

  const write = useWrite()
  const issueCode = () => write.run('joinCode.issue', { householdId, days: 7 }, { done: '入户码已生成', after: reload })

  if (problem)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Problem problem={problem} />
      </View>
    )
  if (!data)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Loading />
      </View>
    )
  const { summary } = data
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice">
        <View className="section-title">
          {summary.doorPlate} · 户主 {summary.head}
        </View>
        <Text className="list__number" data-testid="detail-balance">
          {summary.balance}
        </Text>{' '}
        积分 · {data.stars}星 · 本月{summary.monthPoints}分
        <View className="muted">
          成员：{data.members.map(m => `${m.name}（${m.relation}${m.partyMember ? '·党员' : ''}）`).join('、')}
        </View>
      </View>
      <View
        className="button"
        data-testid="open-score"
        onClick={() =>
          Taro.navigateTo({
            url: `/packages/cadre/pages/score/index?id=${householdId}&plate=${encodeURIComponent(summary.doorPlate)}`
          })
        }
      >
        给这户打分
      </View>
      <View
        className="button secondary"
        onClick={() => Taro.navigateTo({ url: `/packages/cadre/pages/household-edit/index?id=${householdId}` })}
      >
        修改门牌、户主和成员
      </View>

      <View className="section-title">绑定的微信</View>
      <View className="list">
        {data.bindings.map(b => (
          <View key={b.openid} className="list__row" data-testid="binding" data-name={b.name}>
            <View className="list__body">
              <Text className="list__title">
                {b.name}{' '}
                {b.head ? (
                  <Text className="chip chip--on" data-testid="binding-head">
                    户主
                  </Text>
                ) : null}
              </Text>
              <Text className="list__meta">
                {formatDate(b.at)}加入{b.head ? ' · 可以代表全家授权' : ''}
              </Text>
            </View>
            {b.head ? null : (
              <WriteButton
                className="list__action"
                label="设为户主"
                testid="binding-set-head"
                submitting={write.submitting('binding.setHead', { openid: b.openid })}
                disabled={write.busy}
                onClick={async () =>
                  (await confirmFirst(
                    '设为户主',
                    `${b.name}设为这一户的户主以后，可以代表全家授权银行查看积分。`,
                    '设为户主'
                  )) &&
                  write.run('binding.setHead', { householdId, openid: b.openid }, { done: '已设为户主', after: reload })
                }
              />
            )}
            <WriteButton
              className="list__action"
              label="解除"
              submitting={write.submitting('binding.remove', { openid: b.openid })}
              disabled={write.busy}
              onClick={async () =>
                (await confirmFirst('解除绑定', `${b.name}以后就看不到这一户的积分了。`, '解除')) &&
                write.run('binding.remove', { householdId, openid: b.openid }, { done: '已解除', after: reload })
              }
            />
          </View>
        ))}
        {data.bindings.length === 0 ? <View className="list__row muted">还没有人绑定</View> : null}
      </View>

      <View className="section-title">入户码</View>
      <View className="list">
        {data.joinCodes.map(c => (
          <View key={c.code} className="list__row">
            <Text className="list__number" data-testid="join-code-value">
              {c.code}
            </Text>
            <View className="list__body">
              <Text className="list__meta">{formatDateTime(c.expiresAt)} 前有效</Text>
            </View>
            <WriteButton
              className="list__action"
              label="作废"
              submitting={write.submitting('joinCode.revoke', { code: c.code })}
              disabled={write.busy}
              onClick={() => write.run('joinCode.revoke', { code: c.code }, { done: '已作废', after: reload })}
            />
          </View>
        ))}
      </View>
      <WriteButton
        className="button secondary"
        testid="issue-code"
        label="生成入户码（7天有效）"
        submitting={write.submitting('joinCode.issue')}
        disabled={write.busy}
        onClick={issueCode}
      />

      <View className="section-title">积分记录（点一条可以更正）</View>
      <EntryList
        entries={data.entries}
        onPick={e => (e.kind === 'award' || e.kind === 'deduction' ? setFixing(e) : undefined)}
        renderAfter={e =>
          fixing?.id === e.id ? (
            <CorrectionForm
              entry={fixing}
              onDone={() => {
                setFixing(null)
                void reload()
              }}
            />
          ) : null
        }
      />
    </View>
  )
}

function CorrectionForm({ entry, onDone }: { entry: EntryView; onDone: () => void }) {
  const [points, setPoints] = useState(String(entry.points))
  const [reason, setReason] = useState('')
  const write = useWrite()
  const submit = () =>
    readyToSend({ reason }) &&
    write.run(
      'score.correct',
      { entryId: entry.id, points: Number(points), reason },
      { done: '已更正', failTitle: '没有更正', after: onDone }
    )
  return (
    <View className="notice">
      <View>
        更正“{entry.title}”（原来 {entry.points} 分）
      </View>
      <View className="field">
        <View className="field__label">应该是多少分（0 为作废）</View>
        <Input className="input" type="number" value={points} onInput={e => setPoints(e.detail.value)} />
      </View>
      <View className="field">
        <View className="field__label">更正原因</View>
        <Input className="input" value={reason} maxlength={200} onInput={e => setReason(e.detail.value)} />
      </View>
      <WriteButton label="确认更正" submitting={write.submitting('score.correct')} onClick={submit} />
    </View>
  )
}
