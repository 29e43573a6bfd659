import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { ImportPreview, ImportProgress } from '../../../../../core/contract/county'
import { call, ApiError } from '../../../../services/api'
import { useLargeFont } from '../../../../services/large-font'
import { Problem } from '../../../../components/Problem'
import { openFile, pickRegister } from '../../files'

const rid = () => `im-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`

/**
 * 花名册导入: download the template, pick the filled sheet, see what it would do (bad rows explained),
 * confirm. Nothing is written before 确认导入; importing the same sheet again changes nothing.
 */
export default function RegisterImport() {
  const large = useLargeFont()
  const villageId = useRouter().params.villageId || undefined
  const villageName = decodeURIComponent(useRouter().params.name ?? '')
  const [fileName, setFileName] = useState('')
  const [fileId, setFileId] = useState('')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const [busy, setBusy] = useState('')
  const [problem, setProblem] = useState<ApiError | null>(null)

  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label)
    setProblem(null)
    try {
      await work()
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError('INTERNAL', String((e as Error)?.message ?? e)))
    } finally {
      setBusy('')
    }
  }
  const template = () => run('正在生成模板…', async () => openFile(await call('register.template', { villageId })))
  const choose = () =>
    run('正在读取…', async () => {
      const picked = await pickRegister()
      if (!picked) return
      setFileName(picked.name)
      setPreview(null)
      setProgress(null)
      const id = await picked.upload()
      setFileId(id)
      setPreview(await call('register.preview', { villageId, fileId: id }))
    })
  const confirm = () =>
    run('正在导入…', async () => {
      // bounded work per call: call again until the api says it is done
      for (let calls = 0; calls < 50; calls++) {
        const p = await call('register.apply', { requestId: rid(), villageId, fileId })
        setProgress(p)
        if (p.done) return
      }
    })

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {villageName ? <View className="section-title">{villageName}</View> : null}
      <View className="notice">
        一行填一个人，同一户门牌号相同，其中一人填“户主”。身份证号和电话只用来核对，系统只保存后4位。
      </View>
      <View className="links">
        <View className="button secondary" data-testid="download-template" onClick={template}>
          下载花名册模板
        </View>
        <View className="button" data-testid="choose-file" onClick={choose}>
          {fileName ? '重新选择文件' : '选择填好的花名册'}
        </View>
      </View>
      {villageId ? (
        <View
          className="button secondary"
          data-testid="open-village-export"
          onClick={() => Taro.navigateTo({ url: `/packages/county/pages/export/index?villageId=${villageId}` })}
        >
          导出这个村的名单和积分
        </View>
      ) : null}
      {busy ? <View className="muted">{busy}</View> : null}
      {problem ? <Problem problem={problem} /> : null}
      {fileName ? <View className="muted">文件：{fileName}</View> : null}
      {preview && !progress ? <PreviewView preview={preview} onConfirm={confirm} /> : null}
      {progress ? <ProgressView progress={progress} /> : null}
    </View>
  )
}

function PreviewView({ preview, onConfirm }: { preview: ImportPreview; onConfirm: () => void }) {
  const nothing = preview.householdsAdded + preview.householdsChanged === 0 && preview.peopleAdded === 0
  return (
    <View data-testid="preview">
      <View className="section-title">导入后会怎样</View>
      <View className="list">
        <Figure label="新增家庭户" value={preview.householdsAdded} testid="add" />
        <Figure label="有变化的家庭户" value={preview.householdsChanged} testid="change" />
        <Figure label="没有变化的家庭户" value={preview.householdsUnchanged} testid="same" />
        <Figure label="新增人员" value={preview.peopleAdded} testid="people" />
        <Figure label="有问题的行（不会导入）" value={preview.problemCount} testid="problems" />
      </View>
      {preview.changes.length ? (
        <View>
          <View className="section-title">有变化的户</View>
          <View className="list">
            {preview.changes.map(c => (
              <View key={c.doorPlate} className="list__row">
                <Text className="list__title">{c.doorPlate}</Text>
                <Text className="list__meta">{c.what.join('；')}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {preview.problems.length ? (
        <View>
          <View className="section-title">请改好这些行再导入</View>
          <View className="list">
            {preview.problems.map((p, i) => (
              <View key={i} className="list__row" data-testid="problem-row">
                <View className="list__body">
                  <Text className="list__title">
                    第{p.row}行{p.column ? ` · ${p.column}` : ''}
                  </Text>
                  <Text className="list__meta">{p.reason}</Text>
                </View>
              </View>
            ))}
          </View>
          {preview.problemCount > preview.problems.length ? (
            <View className="muted">还有{preview.problemCount - preview.problems.length}个问题没列出</View>
          ) : null}
        </View>
      ) : null}
      {nothing ? (
        <View className="notice" data-testid="nothing-to-do">
          花名册和档案一致，不需要导入。
        </View>
      ) : (
        <View className="button" data-testid="confirm-import" onClick={onConfirm}>
          确认导入{preview.problemCount ? '（有问题的行先不导入）' : ''}
        </View>
      )}
    </View>
  )
}

function ProgressView({ progress }: { progress: ImportProgress }) {
  return (
    <View data-testid={progress.done ? 'import-done' : 'import-running'}>
      <View className="section-title">
        {progress.done ? '导入完成' : `正在导入：${progress.handled}/${progress.total}户`}
      </View>
      <View className="list">
        <Figure label="新增家庭户" value={progress.householdsAdded} testid="done-add" />
        <Figure label="更新家庭户" value={progress.householdsChanged} testid="done-change" />
        <Figure label="没有变化" value={progress.householdsUnchanged} testid="done-same" />
        <Figure label="新增人员" value={progress.peopleAdded} testid="done-people" />
      </View>
      {progress.done ? (
        <View className="button secondary" onClick={() => Taro.navigateBack()}>
          返回
        </View>
      ) : null}
    </View>
  )
}

function Figure({ label, value, testid }: { label: string; value: number; testid: string }) {
  return (
    <View className="list__row">
      <Text className="list__number" data-testid={`figure-${testid}`}>
        {value}
      </Text>
      <Text className="list__title">{label}</Text>
    </View>
  )
}
