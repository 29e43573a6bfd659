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
        // the fresh list first, then back to it: an answered issue is never on screen to answer again
        after: async () => {
          await reload()
          setText('')
          setOpen(null)
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
      {/* not while a reply is under way: the list behind it is the one from before the reply */}
      <View className="button secondary" onClick={() => !write.busy && setOpen(null)}>
        返回
      </View>
    </View>
  )
}
