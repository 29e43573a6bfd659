import { AppError } from '../../../core/contract/errors'
import { EXPORT_FORMAT, ExportLeaf, LedgerExport } from '../../../core/domain/ledger-export'
import { dayOf, dayRange, DAY_MS, SealedEntry, TreeHead } from '../../../core/domain/seal'
import type { EntryDoc, SealDoc } from '../../shared/data/documents'
import { data, listOf } from '../../shared/data/store'
import { roles, RouteCtx, Routes } from '../router/route'
import { entriesBetween, headOf, sealedEntryOf } from '../../shared/seals'
import { villageToRead } from '../services/village-to-read'
import { publishFile } from '../services/files'
import { exportWorkbook } from '../../shared/ledger-export-xlsx'

/** The published seals (存证) of a village and an export of its sealed ledger that anyone can verify. */

const HEADS_PAGE = 30
/** everyone of the village, and the town's administrators (their area); the village is found by villageToRead */
const EVERYONE_OF_A_VILLAGE = roles('villager', 'gridWorker', 'cadre', 'townAdmin')
/** Days one export covers at most, and entries it carries at most: one reply must stay small. */
const EXPORT_DAYS_MAX = 92
const EXPORT_ENTRIES_MAX = 5000
const HEAD_FIELDS: (keyof SealDoc & keyof TreeHead)[] = [
  'villageId',
  'day',
  'size',
  'root',
  'prevHash',
  'sealedAt',
  'headHash'
]

export const sealRoutes = {
  'seal.heads': {
    access: EVERYONE_OF_A_VILLAGE,
    scope: 'area',
    paging: { size: HEADS_PAGE },
    async handle({ placeId }, ctx) {
      const { village } = await villageToRead(ctx, placeId)
      // the heads without their leaves: a day's leaves are as many as its entries
      const found = await data(ctx).seals.page({ villageId: village._id }, [['day', 'desc']], ctx.paging, HEAD_FIELDS)
      return { villageName: village.name, ...listOf('heads', found, headOf) }
    }
  },

  'seal.export': {
    access: EVERYONE_OF_A_VILLAGE,
    scope: 'area',
    handle: (input, ctx) => exportData(ctx, input)
  },

  /** The same export as an .xlsx file to download (and to check with npm run verify-ledger). */
  'seal.exportFile': {
    access: EVERYONE_OF_A_VILLAGE,
    scope: 'area',
    async handle(input, ctx) {
      const data = await exportData(ctx, input)
      const rows = data.days.reduce((n, d) => n + d.leaves.length, data.unsealed.length)
      const first = data.days[0]?.head.day ?? ''
      const last = data.days[data.days.length - 1]?.head.day ?? ''
      return publishFile(ctx, `${data.villageName}积分存证${first}至${last}.xlsx`, await exportWorkbook(data), rows)
    }
  }
} satisfies Partial<Routes>

async function exportData(
  ctx: RouteCtx<'area'>,
  { placeId, fromDay, toDay }: { placeId?: string; fromDay?: string; toDay?: string }
): Promise<LedgerExport> {
  const { village } = await villageToRead(ctx, placeId)
  const to = toDay ?? dayOf(ctx.now())
  const from = fromDay ?? dayOf(dayRange(to).fromMs - 30 * DAY_MS)
  const spanDays = (dayRange(to).fromMs - dayRange(from).fromMs) / DAY_MS + 1
  if (spanDays < 1) throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期')
  if (spanDays > EXPORT_DAYS_MAX)
    throw new AppError('INVALID_INPUT', `一次最多导出${EXPORT_DAYS_MAX}天，请缩短日期范围`)
  const _ = ctx.db.command
  const [seals, entries] = await Promise.all([
    data(ctx).seals.find(
      { villageId: village._id, day: _.gte(from).and(_.lte(to)) },
      { orderBy: [['day', 'asc']], limit: EXPORT_DAYS_MAX }
    ),
    entriesBetween(ctx.db, village._id, dayRange(from).fromMs, dayRange(to).toMs, EXPORT_ENTRIES_MAX)
  ])
  if (entries.length > EXPORT_ENTRIES_MAX)
    throw new AppError('INVALID_INPUT', `这段时间的记录超过${EXPORT_ENTRIES_MAX}条，请缩短日期范围`)
  return exportOf(village._id, village.name, ctx.now(), seals, entries)
}

/** Each sealed day with its leaves in tree order and the stored entry of each (null: deleted). */
function exportOf(villageId: string, villageName: string, now: number, seals: SealDoc[], entries: EntryDoc[]) {
  const byId = new Map(entries.map(e => [e._id, e]))
  const sealedIds = new Set(seals.flatMap(s => s.leaves.map(l => l.id)))
  const lastSealed = seals[seals.length - 1]?.day ?? ''
  const days = seals.map(s => ({
    head: headOf(s),
    leaves: s.leaves.map((l): ExportLeaf => {
      const e = byId.get(l.id)
      return { id: l.id, leafHash: l.hash, entry: e ? sealedEntryOf(e) : null }
    })
  }))
  const unsealed: SealedEntry[] = entries
    .filter(e => !sealedIds.has(e._id) && dayOf(e.at) > lastSealed)
    .map(sealedEntryOf)
  const data: LedgerExport = { format: EXPORT_FORMAT, villageId, villageName, exportedAt: now, days, unsealed }
  return data
}
