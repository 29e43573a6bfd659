import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { whenSignalMayBeBack } from './services/network'
import { sendQueued } from './services/offline-queue'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat the cloud environment comes from the project's cloud settings; h5 talks to the local host.
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true })
    // Grid logs written without a signal go out when it returns, and whenever the app is opened again.
    whenSignalMayBeBack(() => void sendQueued())
    void sendQueued()
  })
  return children
}

export default App
