import Taro from '@tarojs/taro'

/**
 * Photos kept on the phone until they can be uploaded. A picked photo is a temporary file that WeChat
 * may delete once the app is closed, so it is saved as a local file (Taro.saveFile); in the browser
 * build a picked photo is a blob: URL that dies with the page, so it is kept as a data: URL in the web
 * storage next to the queue. Either way the result can be shown by <Image> and uploaded by files.ts.
 */
export async function keepPhoto(tempPath: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const saved = (await Taro.saveFile({ tempFilePath: tempPath })) as { savedFilePath: string }
    return saved.savedFilePath
  }
  const blob = await (await fetch(tempPath)).blob()
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}

/** Frees a kept photo once it is uploaded or its log discarded. */
export async function dropPhoto(kept: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') await Taro.removeSavedFile({ filePath: kept }).catch(() => undefined)
}
