import { useCallback, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { IssueView } from '../../../../core/contract/views'
import { call } from '../../../services/api'
import { useLoad } from '../../../services/use-route'
import { useWrite } from '../../../services/write'
import { IssueList, IssueThread } from '../../../components/IssueList'
import { Loading, Problem } from '../../../components/Problem'

/** The villagers' issues handed over to the staff's organisation: open one, reply, answer. */
export function OrganisationIssues() {
  const { data, problem, reload } = useLoad(useCallback(() => call('org.issues', {}), []))
  const [open, setOpen] = useState<IssueView | null>(null)
  const [text, setText] = useState('')
  const write = useWrite()
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  if (!open)
    return data.issues.length ? (
      <IssueList issues={data.issues} onOpen={setOpen} />
    ) : (
      <View className="notice muted">村里还没有转来的事。</View>
    )
  const reply = (answer: boolean) =>
    write.run(
      'org.replyIssue',
      { issueId: open.id, text, answer },
      {
        done: answer ? '已答复' : '已回复',
        after: async () => {
          setText('')
          setOpen(null)
          await reload()
        }
      }
    )
  return (
    <View>
      <IssueThread issue={open} />
      <View className="field">
        <Input className="input" value={text} placeholder="回复村民" onInput={e => setText(e.detail.value)} />
      </View>
      <View className="button" onClick={() => void reply(true)}>
        答复（办完了）
      </View>
      <View className="button secondary" onClick={() => void reply(false)}>
        先回复一句
      </View>
      <View className="button secondary" onClick={() => setOpen(null)}>
        返回
      </View>
    </View>
  )
}
