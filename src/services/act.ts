import Taro from '@tarojs/taro'
import { asApiError } from './use-route'

/**
 * Runs a staff action: on success a short toast and then `after` (usually reloading the page); on a
 * refusal a dialog with the api's Chinese message, which a toast would cut short.
 */
export async function act(work: () => Promise<unknown>, done: string, after?: () => unknown) {
  try {
    await work()
    Taro.showToast({ title: done, icon: 'success' })
    await after?.()
  } catch (e) {
    Taro.showModal({ title: '没有办成', content: asApiError(e).message, showCancel: false })
  }
}

/**
 * Asks before an act that cannot be undone (cancelling an order, handing it over, batch scoring,
 * withdrawing a notice): what will happen, in numbers, and a button that names the act.
 */
export async function confirmFirst(title: string, content: string, confirmText: string): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText: '先不' })
  return answer.confirm
}
