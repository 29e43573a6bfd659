import { useCallback, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { IssueView } from '../../../../../core/contract/views'
import { ISSUE_CATEGORIES, IssueCategory } from '../../../../../core/domain/workflow'
import { call, newRequestId } from '../../../../services/api'
import { asApiError, useLoad } from '../../../../services/use-route'
import { act } from '../../../../services/act'
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
  const [requestId, setRequestId] = useState(newRequestId)
  const [open, setOpen] = useState<IssueView | null>(null)
  const [words, setWords] = useState('')
  const [stars, setStars] = useState(5)

  const raise = async () => {
    if (!readyToSend({ text })) return
    try {
      await askToBeTold(['issue'])
      await call('issue.raise', { requestId, category, text, place, photos })
      Taro.showToast({ title: '已提交', icon: 'success' })
      setText('')
      setPlace('')
      setPhotos([])
      setRequestId(newRequestId())
      await reload()
    } catch (e) {
      Taro.showModal({ title: '没有提交', content: asApiError(e).message, showCancel: false })
    }
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
            <View
              className="button secondary"
              onClick={() =>
                readyToSend({ text: words }) &&
                void act(
                  () => call('issue.reply', { requestId: newRequestId(), issueId: open.id, text: words }),
                  '已补充',
                  refresh
                )
              }
            >
              补充
            </View>
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
            <View
              className="button"
              data-testid="rate-submit"
              onClick={() =>
                void act(
                  () => call('issue.rate', { requestId: newRequestId(), issueId: open.id, stars, word: words }),
                  '谢谢评价',
                  refresh
                )
              }
            >
              提交评价
            </View>
          </View>
        ) : null}
        {open.state === 'answered' ? (
          <View
            className="button secondary"
            onClick={() =>
              void act(() => call('issue.close', { requestId: newRequestId(), issueId: open.id }), '已办结', refresh)
            }
          >
            问题解决了，办结
          </View>
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
      <View className="button" data-testid="issue-submit" onClick={() => void raise()}>
        提交给村里
      </View>
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
