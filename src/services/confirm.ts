import Taro from '@tarojs/taro'

/**
 * Asks before an act that cannot be undone (cancelling an order, handing it over, batch scoring,
 * withdrawing a notice, unbinding, revoking, retiring a rule): what will happen, in numbers, and a
 * button that names the act. Answers true when the user goes ahead.
 */
export async function confirmFirst(title: string, content: string, confirmText: string): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText: '先不' })
  return answer.confirm
}
