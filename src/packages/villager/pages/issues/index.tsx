import { useCallback, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { IssueView } from '../../../../../core/contract/views'
import { ISSUE_CATEGORIES, IssueCategory } from '../../../../../core/domain/workflow'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { askToBeTold } from '../../../../services/subscribe'
import { useLargeFont } from '../../../../services/large-font'
import { IssueList, IssueThread } from '../../../../components/IssueList'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { Loading, Problem } from '../../../../components/Problem'
import { readyToSend } from '../../../../services/form-check'

/** 村民说事: raise an issue, follow it, add a word, rate the handling once it is answered. */
export default function VillagerIssues() {
  const large = useLargeFont()
  const { data, problem, reload } = useLoad(useCallback(() => call('issue.mine', {}), []))
  const [category, setCategory] = useState<IssueCategory>('道路水电')
  const [text, setText] = useState('')
  const [place, setPlace] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const write = useWrite()
  const [open, setOpen] = useState<IssueView | null>(null)
  const [words, setWords] = useState('')
  const [stars, setStars] = useState(5)

  const raise = async () => {
    if (!readyToSend({ text })) return
    await askToBeTold(['issue'])
    const raised = await write.run(
      'issue.raise',
      { category, text, place, photos },
      { done: '已提交', failTitle: '没有提交' }
    )
    if (!raised) return
    setText('')
    setPlace('')
    setPhotos([])
    await reload()
  }
  const refresh = async () => {
    const fresh = await call('issue.mine', {})
    setOpen(fresh.issues.find(i => i.id === open?.id) ?? null)
    await reload()
  }

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
  if (open) {
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <IssueThread issue={open} />
        {open.state !== 'closed' ? (
          <View className="field">
            <Input className="input" value={words} placeholder="补充说明" onInput={e => setWords(e.detail.value)} />
            <WriteButton
              className="button secondary"
              label="补充"
              submitting={write.submitting('issue.reply')}
              disabled={write.busy}
              onClick={() =>
                readyToSend({ text: words }) &&
                write.run('issue.reply', { issueId: open.id, text: words }, { done: '已补充', after: refresh })
              }
            />
          </View>
        ) : null}
        {(open.state === 'answered' || open.state === 'closed') && !open.rating ? (
          <View className="field" data-testid="rate">
            <View className="field__label">给这次办理打个分</View>
            <View>
              {[1, 2, 3, 4, 5].map(n => (
                <Text
                  key={n}
                  className={`chip ${n <= stars ? 'chip--on' : ''}`}
                  data-star={n}
                  onClick={() => setStars(n)}
                >
                  ★
                </Text>
              ))}
            </View>
            <Input
              className="input"
              value={words}
              placeholder="说一句（可不填）"
              onInput={e => setWords(e.detail.value)}
            />
            <WriteButton
              testid="rate-submit"
              label="提交评价"
              submitting={write.submitting('issue.rate')}
              disabled={write.busy}
              onClick={() =>
                write.run('issue.rate', { issueId: open.id, stars, word: words }, { done: '谢谢评价', after: refresh })
              }
            />
          </View>
        ) : null}
        {open.state === 'answered' ? (
          <WriteButton
            className="button secondary"
            label="问题解决了，办结"
            submitting={write.submitting('issue.close')}
            disabled={write.busy}
            onClick={() => write.run('issue.close', { issueId: open.id }, { done: '已办结', after: refresh })}
          />
        ) : null}
        <View className="button secondary" onClick={() => setOpen(null)}>
          返回
        </View>
      </View>
    )
  }
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="field">
        {ISSUE_CATEGORIES.map(c => (
          <Text key={c} className={`chip ${c === category ? 'chip--on' : ''}`} onClick={() => setCategory(c)}>
            {c}
          </Text>
        ))}
      </View>
      <View className="field">
        <View className="field__label">什么事（必填）</View>
        <Textarea
          className="textarea"
          data-testid="issue-text"
          value={text}
          maxlength={500}
          placeholder="例如：3组路口的路灯坏了"
          onInput={e => setText(e.detail.value)}
        />
      </View>
      <View className="field">
        <View className="field__label">在哪里</View>
        <Input className="input" value={place} maxlength={60} onInput={e => setPlace(e.detail.value)} />
      </View>
      <View className="field">
        <View className="field__label">照片</View>
        <EvidencePicker files={photos} onChange={setPhotos} />
      </View>
      <WriteButton
        testid="issue-submit"
        label="提交给村里"
        submitting={write.submitting('issue.raise')}
        disabled={write.busy}
        onClick={raise}
      />
      <View className="section-title">我说的事</View>
      <IssueList
        issues={data.issues}
        onOpen={i => {
          setOpen(i)
          setWords('')
        }}
      />
    </View>
  )
}
