import { useCallback, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { IssueView } from '../../../core/contract/views'
import { call, newRequestId } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { act } from '../../services/act'
import { Tabs } from '../Tabs'
import { IssueList, IssueThread } from '../IssueList'
import { Loading, Problem } from '../Problem'
import { readyToSend } from '../../services/form-check'

const STATES = [
  { value: 'open' as const, label: '待办' },
  { value: 'answered' as const, label: '已答复' },
  { value: 'closed' as const, label: '已办结' }
]

/** The village's (or grid's) issues for those who handle them: take, reply, answer, hand over, close. */
export function IssueDesk() {
  const [state, setState] = useState<(typeof STATES)[number]['value']>('open')
  const { data, problem, reload } = useLoad(useCallback(() => call('issue.queue', { state }), [state]))
  const [open, setOpen] = useState<IssueView | null>(null)
  const [text, setText] = useState('')
  const [to, setTo] = useState('')
  const done = (label: string) => (work: () => Promise<unknown>) =>
    act(work, label, async () => {
      setText('')
      setOpen(null)
      await reload()
    })

  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  if (open) {
    const id = open.id
    return (
      <View>
        <IssueThread issue={open} />
        {open.state === 'received' ? (
          <View
            className="button"
            data-testid="take-issue"
            onClick={() => void done('已接手')(() => call('issue.take', { requestId: newRequestId(), issueId: id }))}
          >
            我来办
          </View>
        ) : null}
        {open.state === 'handling' ? (
          <>
            <View className="field">
              <Input
                className="input"
                data-testid="issue-answer-text"
                value={text}
                placeholder="回复村民"
                onInput={e => setText(e.detail.value)}
              />
            </View>
            <View
              className="button"
              data-testid="answer-issue"
              onClick={() =>
                readyToSend({ text }) &&
                void done('已答复')(() =>
                  call('issue.reply', { requestId: newRequestId(), issueId: id, text, answer: true })
                )
              }
            >
              答复（办完了）
            </View>
            <View
              className="button secondary"
              onClick={() =>
                readyToSend({ text }) &&
                void done('已回复')(() => call('issue.reply', { requestId: newRequestId(), issueId: id, text }))
              }
            >
              先回复一句
            </View>
            <View className="field">
              <Input
                className="input"
                value={to}
                placeholder="转给谁（对方的编号）"
                onInput={e => setTo(e.detail.value.trim())}
              />
            </View>
            <View
              className="button secondary"
              onClick={() =>
                void done('已转交')(() =>
                  call('issue.handOver', { requestId: newRequestId(), issueId: id, toOpenid: to })
                )
              }
            >
              转交
            </View>
          </>
        ) : null}
        {open.state === 'answered' ? (
          <View
            className="button secondary"
            onClick={() => void done('已办结')(() => call('issue.close', { requestId: newRequestId(), issueId: id }))}
          >
            办结
          </View>
        ) : null}
        <View className="button secondary" onClick={() => setOpen(null)}>
          返回
        </View>
      </View>
    )
  }
  return (
    <View>
      <Tabs<(typeof STATES)[number]['value']> options={STATES} value={state} onChange={setState} />
      <IssueList issues={data.issues} onOpen={setOpen} />
    </View>
  )
}
