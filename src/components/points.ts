import type { EntryView } from '../../core/contract/routes'

export const signed = (points: number) => (points > 0 ? `+${points}` : String(points))

export const KIND_LABELS: Record<EntryView['kind'], string> = {
  award: '加分',
  deduction: '扣分',
  redemption: '兑换',
  refund: '退还',
  correction: '更正'
}
