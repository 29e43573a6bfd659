import { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat the cloud environment comes from the project's cloud settings; h5 talks to the local host.
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true })
  })
  return children
}

export default App
