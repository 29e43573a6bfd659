/**
 * WeChat's privacy interfaces (隐私接口): the APIs and components a mini-program may use only after the
 * user agreed to its 用户隐私保护指引, grouped by the kind of information as the admin console names it
 * (设置 → 服务内容声明 → 用户隐私保护指引). From WeChat's 小程序隐私协议开发指南 and its list of privacy
 * interfaces; when WeChat adds one, add it here and the check starts looking for it.
 */
export const PRIVACY_INTERFACES: Record<string, readonly string[]> = {
  '用户信息（微信昵称、头像）': ['getUserProfile', 'getUserInfo', 'open-type=chooseAvatar', 'type=nickname'],
  位置信息: [
    'getLocation',
    'getFuzzyLocation',
    'startLocationUpdate',
    'startLocationUpdateBackground',
    'onLocationChange',
    'chooseLocation',
    'choosePoi'
  ],
  地址: ['chooseAddress'],
  发票信息: ['chooseInvoiceTitle', 'chooseInvoice'],
  微信运动步数: ['getWeRunData'],
  手机号: ['open-type=getPhoneNumber', 'open-type=getRealtimePhoneNumber'],
  车牌号: ['chooseLicensePlate'],
  选中的照片或视频信息: ['chooseImage', 'chooseMedia', 'chooseVideo'],
  选中的文件: ['chooseMessageFile'],
  '相册（仅写入）权限': ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
  摄像头: ['createCameraContext', 'createVKSession', '<Camera'],
  麦克风: ['startRecord', 'getRecorderManager', 'joinVoIPChat'],
  蓝牙: ['openBluetoothAdapter', 'createBLEPeripheralServer'],
  剪切板: ['getClipboardData', 'setClipboardData'],
  '通讯录（仅写入）权限': ['addPhoneContact'],
  '日历（仅写入）权限': ['addPhoneCalendar', 'addPhoneRepeatCalendar']
}

/** the kind of information an interface belongs to */
export const kindOf = (api: string): string | undefined =>
  Object.entries(PRIVACY_INTERFACES).find(([, apis]) => apis.includes(api))?.[0]
