import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { StatementProof as Proof } from '../../../../../../core/contract/participation'
import { proofHolds } from '../../../../../../core/domain/seal'
import { formatDateTime } from '../../../../../../core/domain/period'

/**
 * 存证证明 on the statement: how many of its entries are sealed and proved (each proof checked again
 * here, as on the entry page), the heads of their days to compare with the heads the village
 * published, and on request each entry's proof, so that a printout can be checked without the app.
 */
export function StatementProof({ proof }: { proof: Proof }) {
  const [open, setOpen] = useState(false)
  const broken = proof.entries.filter(p => !p.matchesSeal || !proofHolds(p)).length
  const holds = broken === 0 && proof.notInSeal === 0
  return (
    <View
      className="notice"
      style={{ border: `2px solid ${holds ? '#2e7d32' : '#c62828'}` }}
      data-testid="statement-proof"
    >
      <View className="section-title" style={{ margin: '0 0 8px' }}>
        {holds
          ? `已存证 ${proof.entries.length} 条，本机已按证明重新算过`
          : `有 ${broken + proof.notInSeal} 条存证对不上`}
      </View>
      {proof.unsealed ? <View className="muted">{proof.unsealed} 条还没有存证（每天的记录当晚存证）</View> : null}
      {proof.notInSeal ? <View>{proof.notInSeal} 条记录不在当天的存证里，请找镇里核实</View> : null}
      <View className="muted">每天的存证树头可与村里公布的存证（积分公示 → 存证）核对。</View>
      <View className="button secondary" onClick={() => setOpen(!open)} data-testid="statement-proof-toggle">
        {open ? '收起证明' : '显示存证树头和逐条证明'}
      </View>
      {open ? (
        <>
          {proof.heads.map(h => (
            <Text key={h.day} className="proof__line muted" style={{ display: 'block' }}>
              {h.day} 共{h.size}条 · 树根 {h.root} · 树头 {h.headHash} · {formatDateTime(h.sealedAt)}存证
            </Text>
          ))}
          {proof.entries.map(p => (
            <Text key={p.entryId} className="proof__line muted" style={{ display: 'block' }}>
              {p.day} 第{p.index + 1}条/共{p.size}条 · 记录 {p.leafHash} · 路径 {p.path.join(' ') || '无'}
            </Text>
          ))}
        </>
      ) : null}
    </View>
  )
}
