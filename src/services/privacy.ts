import Taro from '@tarojs/taro'

/**
 * Since October 2023 WeChat lets a mini-program use a privacy interface (photos, files from a chat)
 * only after the user agreed to its 用户隐私保护指引. `requirePrivacyAuthorize` (base library 2.32.3)
 * asks first, with WeChat's official popup (the app registers no onNeedPrivacyAuthorization of its
 * own, so WeChat shows its popup); a refusal then gives a plain message with the way to the policy,
 * instead of a pick that fails without a word. Outside WeChat there is nothing to agree to.
 */
export const POLICY_PAGE = '/packages/info/pages/privacy/index'

const isPrivacyRefusal = (e: unknown) =>
  /privacy|104/.test(`${(e as { errMsg?: string })?.errMsg} ${(e as { errno?: number })?.errno}`)

function agreeFirst(): Promise<boolean> {
  // absent before base library 2.32.3, where WeChat had no privacy agreement to ask for
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requirePrivacyAuthorize !== 'function')
    return Promise.resolve(true)
  return new Promise(resolve =>
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  )
}

function tellRefused(what: string) {
  void Taro.showModal({
    title: `不能${what}`,
    content: `您还没有同意《用户隐私保护指引》，所以不能${what}。同意后再点一次就可以。`,
    confirmText: '看隐私政策',
    cancelText: '知道了'
  }).then(r => {
    if (r.confirm) void Taro.navigateTo({ url: POLICY_PAGE })
  })
}

/**
 * Runs `pick` (a photo or file picker) once the user has agreed; null when they refuse or cancel.
 * `what` says what the pick was for, as the message says it: 选照片, 选文件.
 */
export async function pickWithConsent<T>(what: string, pick: () => Promise<T>): Promise<T | null> {
  if (!(await agreeFirst())) {
    tellRefused(what)
    return null
  }
  try {
    return await pick()
  } catch (e) {
    if (isPrivacyRefusal(e)) tellRefused(what) // refused in WeChat's own popup at the pick
    return null // cancelled: nothing to say
  }
}
