import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { DataExportProgress } from '../../../../../core/contract/data-export'
import type { ExportFile } from '../../../../../core/contract/county'
import type { SessionView } from '../../../../../core/contract/views'
import { call, ApiError } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Problem } from '../../../../components/Problem'

const rid = () => `dx-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
/** each call carries the export on for a while; a county's export takes at most this many */
const CALLS_MAX = 500

/** Whose data the export is, before the api has said: the county's for its administrator, else the town's. */
const ownPlace = (session: SessionView) =>
  session.roles.some(r => r.role === 'countyAdmin')
    ? '全县'
    : (session.roles.find(r => r.role === 'townAdmin')?.placeName ?? '全县')

/**
 * 导出全部数据: everything of the county (or the town) in one .zip, to keep a copy or run it offline
 * (npm run import-archive). The api does it a piece per call; the page calls again until it is done,
 * showing how much is out, then gives the download. Stopped halfway, 继续导出 carries on.
 */
export default function DataExport() {
  const large = useLargeFont()
  const townId = useRouter().params.townId || undefined
  const session = useLoad(useCallback(() => call('me.session', {}), [])).data
  const [progress, setProgress] = useState<DataExportProgress | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<ApiError | null>(null)

  const run = async (exportId?: string) => {
    setBusy(true)
    setProblem(null)
    try {
      let p = await call('dataExport.run', { requestId: rid(), exportId, townId: exportId ? undefined : townId })
      setProgress(p)
      for (let calls = 1; !p.done && calls < CALLS_MAX; calls++) {
        p = await call('dataExport.run', { requestId: rid(), exportId: p.exportId })
        setProgress(p)
      }
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError('INTERNAL', '导出停在半路了，请点“继续导出”'))
    } finally {
      setBusy(false)
    }
  }
  const unfinished = progress && !progress.done ? progress.exportId : undefined
  const place = progress?.placeName ?? (townId ? '这个镇街' : session ? ownPlace(session) : null)

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {place ? (
        <View className="notice">
          把{place}
          的全部数据导出成一个压缩包：每类数据一个文件，一行一条。
          手机号只留前3位和后4位，身份证号只留后4位。可以存档，也可以在自己的电脑上打开。
        </View>
      ) : null}
      <View className="links">
        <View className="button" data-testid="data-export-start" onClick={() => (busy ? undefined : run(unfinished))}>
          {busy ? '正在导出…' : unfinished ? '继续导出' : progress?.done ? '重新导出' : '开始导出'}
        </View>
      </View>
      {progress ? <Progress progress={progress} /> : null}
      {problem ? <Problem problem={problem} /> : null}
    </View>
  )
}

function Progress({ progress }: { progress: DataExportProgress }) {
  return (
    <View className="list" data-testid="data-export-progress">
      <View className="list__row">
        <Text className="list__number" data-testid="data-export-lines">
          {progress.lines}
        </Text>
        <Text className="list__title">条已导出 · {progress.step}</Text>
      </View>
      {progress.file ? <Download file={progress.file} /> : null}
      {progress.collections.map(c => (
        <View className="list__row" key={c.name}>
          <Text className="list__number">{c.lines}</Text>
          <Text className="list__title">{c.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** The browser downloads the .zip; WeChat cannot open one, so the address is copied for a computer. */
function Download({ file }: { file: ExportFile }) {
  const download = async () => {
    if (process.env.TARO_ENV === 'weapp') {
      await Taro.setClipboardData({ data: file.url })
      await Taro.showModal({
        title: '下载地址已复制',
        content: '请在电脑的浏览器里粘贴打开，下载压缩包（地址一段时间后失效，失效了再导出一次）。',
        showCancel: false
      })
      return
    }
    const a = document.createElement('a')
    a.href = file.url
    a.download = file.fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
  }
  return (
    <View className="button" data-testid="data-export-download" data-url={file.url} onClick={download}>
      下载压缩包（{file.fileName}）
    </View>
  )
}
