import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { whenSignalMayBeBack } from './services/network'
import { sendQueued } from './services/offline-queue'
import { prepareToAsk } from './services/subscribe'
import { promptRestartWhenUpdated } from './services/update'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat the cloud environment is a build setting (CLOUD_ENV, see docs/operations.md): with a test
    // and a live environment, calls must not go to whichever is the default. h5 talks to the local host.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
      void prepareToAsk()
      promptRestartWhenUpdated()
    }
    // Grid logs written without a signal go out when it returns, and whenever the app is opened again.
    whenSignalMayBeBack(() => void sendQueued())
    void sendQueued()
  })
  return children
}

export default App
