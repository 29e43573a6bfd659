import Taro from '@tarojs/taro'
import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Large-font mode, remembered on the phone and in the user's preferences on the server. */
const KEY = 'largeFont'

export const readLargeFont = (): boolean => Taro.getStorageSync(KEY) === true
export const rememberLargeFont = (on: boolean) => Taro.setStorageSync(KEY, on)

export function useLargeFont(): boolean {
  const [on, setOn] = useState(readLargeFont)
  useDidShow(() => setOn(readLargeFont()))
  return on
}
