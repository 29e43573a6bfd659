/**
 * Every WeChat privacy interface the app calls, the kind of information as the admin console names it,
 * and why, in words for villagers. 隐私政策 shows it; `npm run privacy` checks it against the code (a
 * test fails when the code uses an interface that is not here) and prints it for the console.
 */
export interface PrivacyUse {
  api: string
  info: string
  purpose: string
}

export const PRIVACY_USES: readonly PrivacyUse[] = [
  {
    api: 'chooseImage',
    info: '选中的照片或视频信息',
    purpose: '申报积分、打分、村民说事、写网格日志、发布通知、上架商品、党员申报和记录党员会议时，附上您选的照片'
  },
  { api: 'chooseMessageFile', info: '选中的文件', purpose: '村干部发布通知时，从微信聊天里选文件作为附件' },
  {
    api: 'setClipboardData',
    info: '剪切板',
    purpose: '县、镇街管理员导出全部数据时，把数据包的下载地址复制下来，到电脑上打开'
  }
]
