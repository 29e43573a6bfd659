import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { uploadFile } from '../services/files'
import { pickWithConsent } from '../services/privacy'

/** Evidence photos: taken or picked, uploaded at once, kept as cloud file ids. */
export function EvidencePicker({ files, onChange }: { files: string[]; onChange: (files: string[]) => void }) {
  const [previews, setPreviews] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const pick = async () => {
    const picked = await pickWithConsent('选照片', () =>
      Taro.chooseImage({ count: 9 - files.length, sizeType: ['compressed'] })
    )
    if (!picked) return
    setBusy(true)
    try {
      const ids = await Promise.all(picked.tempFilePaths.map(p => uploadFile(p, 'evidence')))
      setPreviews([...previews, ...picked.tempFilePaths])
      onChange([...files, ...ids])
    } catch {
      Taro.showToast({ title: '照片没有传上去，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="photos">
      {previews.map(p => (
        <Image key={p} src={p} className="photos__item" mode="aspectFill" />
      ))}
      {files.length < 9 ? (
        <View className="photos__add" data-testid="add-photo" onClick={() => void pick()}>
          {busy ? '…' : '＋'}
        </View>
      ) : null}
    </View>
  )
}
