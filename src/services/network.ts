import Taro from '@tarojs/taro'

/**
 * The one seam between the app and the phone's network signal. In WeChat: wx.onNetworkStatusChange
 * and the app coming back to the foreground. In the browser build: the window's online event and the
 * page becoming visible again (Taro's h5 version of onNetworkStatusChange listens to
 * navigator.connection, which a browser's offline mode does not touch). Tests of the weapp build
 * stand in for wx.onNetworkStatusChange, which the simulator does not have.
 */
export function whenSignalMayBeBack(retry: () => void) {
  if (process.env.TARO_ENV === 'weapp') {
    Taro.onNetworkStatusChange(status => {
      if (status.isConnected) retry()
    })
    Taro.onAppShow(() => retry())
    return
  }
  window.addEventListener('online', () => retry())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retry()
  })
}
