import Taro from '@tarojs/taro'

/**
 * Uploads a picked (or kept) photo and returns its cloud fileID (what routes store as evidence). In WeChat it
 * is Taro.cloud.uploadFile; in the browser the local cloud's dev upload, which does the same.
 */
export async function uploadFile(filePath: string, folder: string, name?: string): Promise<string> {
  // a data: URL (a photo kept in the browser's storage) has no extension to go by
  const ext = filePath.startsWith('data:') ? 'jpg' : filePath.split('.').pop()?.slice(0, 5) || 'jpg'
  // a fixed name makes a repeated upload overwrite the same file instead of adding another
  const cloudPath = `${folder}/${name ?? `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`}.${ext}`
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
    return res.fileID
  }
  const blob = await (await fetch(filePath)).blob()
  const res = await fetch(`/__dev/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    credentials: 'same-origin',
    body: blob
  })
  if (!res.ok) throw new Error('上传失败，请重试')
  return (await res.json()).fileID
}
