import { toHex } from './merkle'
import { chainProblems, dayOf, entryLeafHash, rootOfHex, SealedEntry, TreeHead } from './seal'

/**
 * A village's ledger as exported for anyone to verify, and its verification: pure, no database. Each
 * sealed day lists its head and its leaves in tree order; a leaf carries the hash recorded when the
 * day was sealed and the entry as stored now (null when the stored entry is gone). So the verifier
 * can prove the recorded leaves build the published root, and then name each entry whose stored
 * content no longer matches its recorded leaf.
 */

export const EXPORT_FORMAT = 'xcjf-ledger-export-v1'

export interface ExportLeaf {
  id: string
  /** the leaf hash recorded at sealing (hex); absent when the exporter does not have it */
  leafHash?: string
  entry: SealedEntry | null
}

export interface LedgerExport {
  format: typeof EXPORT_FORMAT
  villageId: string
  villageName: string
  exportedAt: number
  days: { head: TreeHead; leaves: ExportLeaf[] }[]
  /** entries after the last sealed day: listed, not yet verifiable */
  unsealed: SealedEntry[]
}

export type ExportProblem =
  | { kind: 'chain'; day: string; detail: 'headHash' | 'prevHash' }
  | { kind: 'published'; day: string; detail: string }
  | { kind: 'root'; day: string; detail: string }
  | { kind: 'entryChanged'; day: string; entryId: string }
  | { kind: 'entryMissing'; day: string; entryId: string }
  | { kind: 'entryMisplaced'; day: string; entryId: string }

export interface Verification {
  ok: boolean
  days: number
  entries: number
  problems: ExportProblem[]
}

/**
 * Recomputes every head of an export. `published`, when given, are heads obtained elsewhere (the
 * village's public page, saved earlier); a head of the export that differs from them is reported.
 */
export function verifyExport(data: LedgerExport, published: readonly TreeHead[] = []): Verification {
  const problems: ExportProblem[] = []
  const heads = data.days.map(d => d.head)
  for (const p of chainProblems(heads)) problems.push({ kind: 'chain', day: p.day, detail: p.problem })
  const publishedByDay = new Map(published.map(h => [h.day, h]))
  let entries = 0
  for (const { head, leaves } of data.days) {
    entries += leaves.length
    const seen = publishedByDay.get(head.day)
    if (seen && (seen.headHash !== head.headHash || seen.root !== head.root || seen.size !== head.size))
      problems.push({ kind: 'published', day: head.day, detail: `公布的树头是 ${seen.root}，导出的是 ${head.root}` })
    problems.push(...dayProblems(head, leaves))
  }
  return { ok: problems.length === 0, days: data.days.length, entries, problems }
}

function dayProblems(head: TreeHead, leaves: readonly ExportLeaf[]): ExportProblem[] {
  const problems: ExportProblem[] = []
  const recomputed = leaves.map(l => (l.entry ? toHex(entryLeafHash(l.entry)) : null))
  for (const [i, leaf] of leaves.entries()) {
    if (!leaf.entry) problems.push({ kind: 'entryMissing', day: head.day, entryId: leaf.id })
    else if (leaf.entry.id !== leaf.id || dayOf(leaf.entry.at) !== head.day)
      problems.push({ kind: 'entryMisplaced', day: head.day, entryId: leaf.id })
    else if (leaf.leafHash && recomputed[i] !== leaf.leafHash)
      problems.push({ kind: 'entryChanged', day: head.day, entryId: leaf.id })
  }
  // the recorded leaves (or, without them, the entries themselves) must build the sealed root
  const leafHashes = leaves.map((l, i) => l.leafHash ?? recomputed[i] ?? '')
  if (leaves.length !== head.size)
    problems.push({ kind: 'root', day: head.day, detail: `树头记了${head.size}条，导出有${leaves.length}条` })
  else if (leafHashes.some(h => !h) || rootOfHex(leafHashes) !== head.root)
    problems.push({ kind: 'root', day: head.day, detail: '这一天的记录算不出存证时的树根' })
  return problems
}

/** One line per problem, in plain Chinese, naming the day and the entry. */
export function describeProblem(p: ExportProblem): string {
  switch (p.kind) {
    case 'chain':
      return `${p.day}：树头链断了（${p.detail === 'headHash' ? '树头的哈希对不上' : '没有接上前一天的树头'}）`
    case 'published':
      return `${p.day}：和村里公布的树头不一样（${p.detail}）`
    case 'root':
      return `${p.day}：${p.detail}`
    case 'entryChanged':
      return `${p.day}：积分记录 ${p.entryId} 在存证以后被改过`
    case 'entryMissing':
      return `${p.day}：积分记录 ${p.entryId} 在存证以后被删除了`
    case 'entryMisplaced':
      return `${p.day}：积分记录 ${p.entryId} 的编号或日期和存证时不一样`
  }
}
