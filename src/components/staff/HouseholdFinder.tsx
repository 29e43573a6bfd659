import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { HouseholdSummary } from '../../../core/contract/views'
import { call } from '../../services/api'
import { householdOfCode } from '../../services/household-code'
import { asApiError } from '../../services/use-route'

const MATCHES_SHOWN = 20

/**
 * Finds one household of the cadre's village from what the cadre has at hand: the link of its code
 * (pasted), its door plate (2组12号) or its head's name. One match opens at once; several are listed;
 * none says so.
 */
export function HouseholdFinder({ onOpen }: { onOpen: (householdId: string) => void }) {
  const [typed, setTyped] = useState('')
  const [matches, setMatches] = useState<HouseholdSummary[] | null>(null)
  const [message, setMessage] = useState('')

  const find = async () => {
    const text = typed.trim()
    setMessage('')
    setMatches(null)
    if (!text) return setMessage('请输入门牌号、户主姓名，或粘贴一户一码的链接')
    if (/scene=|^h=/.test(text)) {
      const fromCode = householdOfCode(text)
      return fromCode ? onOpen(fromCode) : setMessage('这个链接不是一户一码')
    }
    try {
      const found = await call('cadre.households', { query: text.slice(0, 20), page: 1, pageSize: MATCHES_SHOWN })
      if (found.households.length === 1) return onOpen(found.households[0].householdId)
      if (found.households.length === 0) return setMessage(`本村没有找到“${text}”`)
      setMatches(found.households)
    } catch (e) {
      setMessage(asApiError(e).message)
    }
  }

  return (
    <View>
      <View className="field">
        <Text className="field__label">门牌号、户主姓名，或一户一码的链接</Text>
        <Input
          className="input"
          data-testid="desk-code"
          value={typed}
          placeholder="例如 2组12号"
          onInput={e => setTyped(e.detail.value)}
          onConfirm={() => void find()}
        />
      </View>
      <View className="button secondary" data-testid="desk-open" onClick={() => void find()}>
        找这一户
      </View>
      {message ? (
        <View className="notice" data-testid="desk-message">
          {message}
        </View>
      ) : null}
      {matches ? (
        <View className="list" data-testid="desk-matches">
          {matches.map(h => (
            <View
              key={h.householdId}
              className="list__row"
              data-testid="desk-match"
              onClick={() => onOpen(h.householdId)}
            >
              <View className="list__body">
                <Text className="list__title">{h.doorPlate}</Text>
                <Text className="list__meta">户主 {h.head}</Text>
              </View>
              <Text className="list__action">打开</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
