import { Text, View } from '@tarojs/components'
import type { IssueView } from '../../core/contract/views'
import { formatDateTime } from '../../core/domain/period'
import { ISSUE_STATE_NAMES } from '../../core/domain/workflow'

/** Villagers' issues with their state, overdue marked; tapping one opens it. */
export function IssueList({ issues, onOpen }: { issues: IssueView[]; onOpen: (i: IssueView) => void }) {
  if (issues.length === 0) return <View className="notice muted">没有</View>
  return (
    <View className="list">
      {issues.map(i => (
        <View
          key={i.id}
          className="list__row"
          data-testid="issue-row"
          data-id={i.id}
          data-state={i.state}
          onClick={() => onOpen(i)}
        >
          <View className="list__body">
            <Text className="list__title">
              {i.overdue ? <Text className="chip chip--on">超期</Text> : null}
              {i.category} · {i.text.slice(0, 30)}
            </Text>
            <Text className="list__meta">
              {ISSUE_STATE_NAMES[i.state]} · {i.doorPlate} {i.byName} · {formatDateTime(i.at)}
              {i.handlerName ? ` · 办理人 ${i.handlerName}` : ''}
              {i.rating ? ` · 评价${'★'.repeat(i.rating.stars)}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}

/** The conversation of an issue: the villager's words, then the replies. */
export function IssueThread({ issue }: { issue: IssueView }) {
  return (
    <View className="notice">
      <View className="section-title">{issue.category}</View>
      <View>{issue.text}</View>
      {issue.place ? <View className="muted">地点：{issue.place}</View> : null}
      {issue.replies.map((r, k) => (
        <View key={k} className={r.fromVillager ? 'muted' : ''} data-testid="issue-reply">
          {r.fromVillager ? '村民' : '村里'} {r.byName}：{r.text}（{formatDateTime(r.at)}）
        </View>
      ))}
      {issue.rating ? (
        <View>
          评价：{'★'.repeat(issue.rating.stars)} {issue.rating.word}
        </View>
      ) : null}
    </View>
  )
}
