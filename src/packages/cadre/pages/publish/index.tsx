import { useCallback, useState } from 'react'
import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_KIND_NAMES, NoticeKind } from '../../../../../core/domain/workflow'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { uploadFile } from '../../../../services/files'
import { pickWithConsent } from '../../../../services/privacy'
import { Screen } from '../../../../components/Screen'
import { readyToSend } from '../../../../services/form-check'
import { confirmFirst } from '../../../../services/confirm'

/**
 * Files from a WeChat chat (the only place a phone keeps documents), uploaded; the browser build has
 * no such picker.
 */
async function pickAttachments(): Promise<{ fileID: string; name: string }[]> {
  if (process.env.TARO_ENV !== 'weapp') {
    Taro.showToast({ title: '请在微信里添加附件', icon: 'none' })
    return []
  }
  const picked = await pickWithConsent('选文件', () => Taro.chooseMessageFile({ count: 9, type: 'file' }))
  if (!picked) return []
  return Promise.all(
    picked.tempFiles.map(async f => ({ fileID: await uploadFile(f.path, 'attachments'), name: f.name.slice(0, 60) }))
  )
}

/**
 * 发布通知: a cadre to the village, a town administrator to every village of the town; the published
 * ones with households read.
 */
export default function PublishPage() {
  const load = useCallback(async () => {
    const [list, session] = await Promise.all([call('notice.list', {}), call('me.session', {})])
    return {
      notices: list.notices.filter(n => n.readCount !== null),
      isTown: session.roles.some(r => r.role === 'townAdmin')
    }
  }, [])
  const { data, problem, reload } = useLoad(load)
  const [kind, setKind] = useState<NoticeKind>('notice')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [pictures, setPictures] = useState<string[]>([])
  const [rows, setRows] = useState('')
  const [pinned, setPinned] = useState(false)
  const [attachments, setAttachments] = useState<{ fileID: string; name: string }[]>([])
  const write = useWrite()

  /** "道路硬化 120000" a line each */
  const financeRows = rows
    .split('\n')
    .map(line => line.trim().match(/^(.+?)\s+(-?[\d.]+)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map(m => ({ item: m[1], amount: Number(m[2]) }))

  const publish = async () => {
    if (!readyToSend({ title })) return
    const published = await write.run(
      'notice.publish',
      {
        kind,
        title,
        body,
        pictures,
        attachments,
        financeRows: kind === 'finance' ? financeRows : [],
        pinned,
        toTown: !!data?.isTown
      },
      { done: '已发布', failTitle: '没有发布' }
    )
    if (!published) return
    setTitle('')
    setBody('')
    setPictures([])
    setRows('')
    setAttachments([])
    await reload()
  }

  return (
    <Screen data={data} problem={problem}>
      {data => (
        <>
          <View className="field">
            {(Object.keys(NOTICE_KIND_NAMES) as NoticeKind[]).map(k => (
              <Text key={k} className={`chip ${k === kind ? 'chip--on' : ''}`} onClick={() => setKind(k)}>
                {NOTICE_KIND_NAMES[k]}
              </Text>
            ))}
          </View>
          <View className="field">
            <View className="field__label">标题</View>
            <Input
              className="input"
              data-testid="notice-title-input"
              value={title}
              maxlength={60}
              onInput={e => setTitle(e.detail.value)}
            />
          </View>
          <View className="field">
            <View className="field__label">正文</View>
            <Textarea className="textarea" value={body} maxlength={5000} onInput={e => setBody(e.detail.value)} />
          </View>
          {kind === 'finance' ? (
            <View className="field">
              <View className="field__label">收支明细，一行一项：名称 金额（元）</View>
              <Textarea
                className="textarea"
                value={rows}
                placeholder={'道路硬化 120000\n路灯电费 3560.5'}
                onInput={e => setRows(e.detail.value)}
              />
              <View className="muted">已识别{financeRows.length}项</View>
            </View>
          ) : null}
          <View className="field">
            <View className="field__label">图片</View>
            <EvidencePicker files={pictures} onChange={setPictures} />
          </View>
          <View className="field">
            <View className="field__label">附件（如收支明细表，在微信里从聊天记录选文件）</View>
            {attachments.map(a => (
              <View key={a.fileID}>{a.name}</View>
            ))}
            <View
              className="button secondary"
              onClick={() => void pickAttachments().then(more => setAttachments([...attachments, ...more]))}
            >
              添加附件
            </View>
          </View>
          <View className="field" style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Text>置顶</Text>
            <Switch checked={pinned} color="#c8321e" onChange={e => setPinned(e.detail.value)} />
          </View>
          <WriteButton
            testid="notice-publish"
            label={data.isTown ? '发布到全镇' : '发布到本村'}
            submitting={write.submitting('notice.publish')}
            disabled={write.busy}
            onClick={publish}
          />
          <View className="section-title">已发布</View>
          <View className="list">
            {data.notices.map(n => (
              <View key={n.id} className="list__row" data-testid="published-row" data-id={n.id}>
                <View className="list__body">
                  <Text className="list__title">
                    {n.pinned ? '【置顶】' : ''}
                    {n.title}
                  </Text>
                  <Text className="list__meta" data-testid="read-count">
                    {n.readCount}户已读
                  </Text>
                </View>
                <WriteButton
                  className="list__action"
                  label={n.pinned ? '取消置顶' : '置顶'}
                  submitting={write.submitting('notice.pin', { noticeId: n.id })}
                  disabled={write.busy}
                  onClick={() =>
                    write.run(
                      'notice.pin',
                      { noticeId: n.id, pinned: !n.pinned },
                      { done: n.pinned ? '已取消置顶' : '已置顶', after: reload }
                    )
                  }
                />
                <WriteButton
                  className="list__action"
                  label="撤回"
                  submitting={write.submitting('notice.withdraw', { noticeId: n.id })}
                  disabled={write.busy}
                  onClick={async () =>
                    (await confirmFirst('撤回通知', `撤回“${n.title}”？撤回后村民就看不到了。`, '撤回')) &&
                    write.run('notice.withdraw', { noticeId: n.id }, { done: '已撤回', after: reload })
                  }
                />
              </View>
            ))}
          </View>
        </>
      )}
    </Screen>
  )
}
