import Taro from '@tarojs/taro'

/**
 * WeChat downloads a new version in the background while the old one runs; the new one is used only
 * after a restart. When it is ready, ask once whether to restart now (as WeChat's own starters do); a
 * villager in the middle of something can say later, and the next launch starts the new version.
 */
export function promptRestartWhenUpdated() {
  if (typeof Taro.getUpdateManager !== 'function') return
  const manager = Taro.getUpdateManager()
  manager.onUpdateReady(() => {
    void Taro.showModal({
      title: '有新版本',
      content: '新版本已经准备好，重新打开就能用。现在重新打开吗？',
      confirmText: '重新打开',
      cancelText: '等一会'
    }).then(r => {
      if (r.confirm) manager.applyUpdate()
    })
  })
  // a failed download changes nothing: the running version keeps working and the next launch tries again
  manager.onUpdateFailed(() => undefined)
}
