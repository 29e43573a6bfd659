import { z } from 'zod'
import type { EntryKind } from '../domain/ledger'
import type { LedgerExport } from '../domain/ledger-export'
import type { TreeHead } from '../domain/seal'
import type { ObjectionState, PostingState } from '../domain/workflow'
import type { FairnessReport, VillageDistribution } from '../domain/fairness'
import type { ExportFile } from './county'
import { dayKey, id, list, page, periodKey, read, result } from './schema'

/**
 * Routes of trust (issue 16): the published seals of a village, a ledger export anyone can verify,
 * one entry explained with its proof, and fairness statistics. Spread into the route table
 * (routes.ts); the same shape as its routes: input schema, whether it writes, result type.
 */

const day = dayKey
/** a village of the caller's town, for a town administrator; ignored for everyone of a village */
const place = id.optional()

export interface SealHeadsView {
  villageName: string
  heads: TreeHead[]
  page: number
  hasMore: boolean
}

/** Everything that explains one entry (一条积分的来龙去脉). */
export interface EntryExplained {
  id: string
  kind: EntryKind
  points: number
  at: number
  byName: string
  note: string
  /** photos as temporary download links */
  evidence: string[]
  household: { id: string; doorPlate: string; head: string }
  rule: {
    title: string
    category: string
    version: number
    min: number
    max: number
    cap: { period: 'month' | 'quarter' | 'year'; max: number } | null
  } | null
  origin:
    | { kind: 'direct' }
    | { kind: 'batch'; households: number }
    | { kind: 'claim' | 'proposal'; id: string; byName: string; description: string; at: number }
    | { kind: 'order'; id: string; goodsName: string; quantity: number }
  posting: { until: number; state: PostingState } | null
  objections: { byName: string; reason: string; state: ObjectionState; reply: string; at: number }[]
  /** the correction of this entry, if it was corrected */
  correctedBy: { id: string; points: number; note: string; at: number; byName: string } | null
  /** what this entry corrected, if it is a correction */
  corrects: { id: string; title: string; points: number; at: number } | null
  /** null until the entry's day is sealed (the night after) */
  proof: {
    day: string
    size: number
    index: number
    root: string
    headHash: string
    sealedAt: number
    leafHash: string
    path: string[]
    /** the stored entry still hashes to the sealed leaf */
    matchesSeal: boolean
  } | null
}

export const trustRoutes = {
  'seal.heads': list(z.object({ placeId: place, page }).strict(), result<SealHeadsView>()),
  'seal.export': read(
    z.object({ placeId: place, fromDay: day.optional(), toDay: day.optional() }).strict(),
    result<LedgerExport>()
  ),
  /** the same export as an .xlsx to download */
  'seal.exportFile': read(
    z.object({ placeId: place, fromDay: day.optional(), toDay: day.optional() }).strict(),
    result<ExportFile>()
  ),
  'entry.explain': read(z.object({ entryId: id }).strict(), result<EntryExplained>()),
  'fairness.town': read(
    z
      .object({
        placeId: place,
        period: z.enum(['month', 'quarter', 'year']).default('month'),
        /** 2026-11, 2026-Q4 or 2026; default: the current one */
        key: periodKey.optional()
      })
      .strict(),
    result<FairnessReport>()
  ),
  'fairness.village': read(z.object({}).strict(), result<VillageDistribution>())
} as const
