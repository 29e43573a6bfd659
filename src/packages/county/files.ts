import Taro from '@tarojs/taro'
import type { ExportFile } from '../../../core/contract/county'

/**
 * Files of the county pages: picking a register (.xlsx) and opening a file the api made. In WeChat:
 * chooseMessageFile (a file from a chat) then cloud storage; downloadFile + openDocument. In the
 * browser build: a file input and the local cloud's dev upload; a download link.
 */
export async function pickRegister(): Promise<{ name: string; upload: () => Promise<string> } | null> {
  const cloudPath = () => `imports/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.xlsx`
  if (process.env.TARO_ENV === 'weapp') {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] }).catch(() => null)
    const file = picked?.tempFiles[0]
    if (!file) return null
    return {
      name: file.name,
      upload: async () => (await Taro.cloud.uploadFile({ cloudPath: cloudPath(), filePath: file.path })).fileID
    }
  }
  const file = await new Promise<File | null>(resolve => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx'
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.click()
  })
  if (!file) return null
  return {
    name: file.name,
    upload: async () => {
      const res = await fetch(`/__dev/upload?cloudPath=${encodeURIComponent(cloudPath())}`, {
        method: 'POST',
        credentials: 'same-origin',
        body: file
      })
      if (!res.ok) throw new Error('上传失败，请重试')
      return (await res.json()).fileID as string
    }
  }
}

export async function openFile(file: ExportFile) {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url: file.url })
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const a = document.createElement('a')
  a.href = file.url
  a.download = file.fileName
  a.setAttribute('data-testid', 'download-link')
  document.body.appendChild(a)
  a.click()
  a.remove()
}
