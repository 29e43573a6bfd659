import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export const PHOTOS_MAX = 9

/**
 * Photos taken or picked and kept as paths on the phone, not uploaded: for writes that may wait for a
 * signal (services/offline-queue.ts uploads them when it sends).
 */
export function LocalPhotoPicker({ files, onChange }: { files: string[]; onChange: (files: string[]) => void }) {
  const pick = async () => {
    const picked = await Taro.chooseImage({ count: PHOTOS_MAX - files.length, sizeType: ['compressed'] }).catch(
      () => null
    )
    if (picked) onChange([...files, ...picked.tempFilePaths].slice(0, PHOTOS_MAX))
  }
  return (
    <View className="photos">
      {files.map(p => (
        <Image key={p} src={p} className="photos__item" mode="aspectFill" data-testid="photo" />
      ))}
      {files.length < PHOTOS_MAX ? (
        <View className="photos__add" data-testid="add-photo" onClick={() => void pick()}>
          ＋
        </View>
      ) : null}
    </View>
  )
}
