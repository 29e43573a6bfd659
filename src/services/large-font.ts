import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

/** Large-font mode, remembered on the phone and in the user's preferences on the server. */
const KEY = 'largeFont'

export const readLargeFont = (): boolean => Taro.getStorageSync(KEY) === true

export function rememberLargeFont(on: boolean) {
  Taro.setStorageSync(KEY, on)
  markDocument(on)
}

/**
 * In the browser build the title bar, the tab bar and dialogs live outside the page; a class on the
 * document root lets them grow too (app.css).
 */
function markDocument(on: boolean) {
  if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('large-font', on)
}

export function useLargeFont(): boolean {
  const [on, setOn] = useState(() => {
    const remembered = readLargeFont()
    markDocument(remembered)
    return remembered
  })
  useDidShow(() => {
    setOn(readLargeFont())
    markDocument(readLargeFont())
  })
  return on
}
