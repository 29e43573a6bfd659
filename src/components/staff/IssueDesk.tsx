import { useCallback, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { IssueView } from '../../../core/contract/views'
import type { RouteName } from '../../../core/contract/routes'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useWrite, WriteInput } from '../../services/write'
import { WriteButton } from '../WriteButton'
import { Tabs } from '../Tabs'
import { IssueList, IssueThread } from '../IssueList'
import { Loading, Problem } from '../Problem'
import { readyToSend } from '../../services/form-check'
import { HandToOrganisation } from './HandToOrganisation'

const STATES = [
  { value: 'open' as const, label: '待办' },
  { value: 'answered' as const, label: '已答复' },
  { value: 'closed' as const, label: '已办结' }
]

/**
 * The village's (or grid's) issues for those who handle them: take, reply, answer, hand over, close;
 * a cadre also hands one over to an organisation serving the village (`toOrganisations`).
 */
export function IssueDesk({ toOrganisations = false }: { toOrganisations?: boolean }) {
  const [state, setState] = useState<(typeof STATES)[number]['value']>('open')
  const { data, problem, reload } = useLoad(useCallback(() => call('issue.queue', { state }), [state]))
  const [open, setOpen] = useState<IssueView | null>(null)
  const [text, setText] = useState('')
  const [to, setTo] = useState('')
  const write = useWrite()
  const send = <R extends RouteName>(route: R, input: WriteInput<R>, done: string) =>
    write.run(route, input, {
      done,
      // the fresh list first, then back to it: the issue as it was before the act is never on screen to
      // tap again (the thread stays, its button 提交中, until the list has come back)
      after: async () => {
        await reload()
        setText('')
        setOpen(null)
      }
    })

  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  if (open) {
    const id = open.id
    return (
      <View>
        <IssueThread issue={open} />
        {open.state === 'received' ? (
          <WriteButton
            testid="take-issue"
            label="我来办"
            submitting={write.submitting('issue.take')}
            onClick={() => send('issue.take', { issueId: id }, '已接手')}
          />
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
            <WriteButton
              testid="answer-issue"
              label="答复（办完了）"
              submitting={write.submitting('issue.reply', { answer: true })}
              disabled={write.busy}
              onClick={() =>
                readyToSend({ text }) && send('issue.reply', { issueId: id, text, answer: true }, '已答复')
              }
            />
            <WriteButton
              className="button secondary"
              label="先回复一句"
              submitting={write.submitting('issue.reply', { answer: undefined })}
              disabled={write.busy}
              onClick={() => readyToSend({ text }) && send('issue.reply', { issueId: id, text }, '已回复')}
            />
            <View className="field">
              <Input
                className="input"
                value={to}
                placeholder="转给谁（对方的编号）"
                onInput={e => setTo(e.detail.value.trim())}
              />
            </View>
            <WriteButton
              className="button secondary"
              label="转交"
              submitting={write.submitting('issue.handOver')}
              disabled={write.busy}
              onClick={() => send('issue.handOver', { issueId: id, toOpenid: to }, '已转交')}
            />
          </>
        ) : null}
        {toOrganisations && (open.state === 'received' || open.state === 'handling') ? (
          <HandToOrganisation
            onHand={organisationId => void send('issue.toOrganisation', { issueId: id, organisationId }, '已转交')}
          />
        ) : null}
        {open.state === 'answered' ? (
          <WriteButton
            className="button secondary"
            label="办结"
            submitting={write.submitting('issue.close')}
            onClick={() => send('issue.close', { issueId: id }, '已办结')}
          />
        ) : null}
        {/* not while an act is under way: the list behind it is the one from before the act */}
        <View className="button secondary" onClick={() => !write.busy && setOpen(null)}>
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
