import { EXPORT_FORMAT, ExportLeaf, LedgerExport } from './ledger-export'
import type { SealedEntry, TreeHead } from './seal'

/**
 * The ledger export as spreadsheet rows (an .xlsx that a town office can open and `npm run
 * verify-ledger` can check), and back. Every sealed field has its own column, text stays text and
 * numbers stay numbers, so the rows rebuild exactly the bytes that were hashed. An empty cell in a
 * nullable column (rule, corrected entry) means null; evidence is one JSON array per cell.
 */

export type Cell = string | number
export interface ExportSheets {
  info: Cell[][]
  heads: Cell[][]
  entries: Cell[][]
}

export const SHEET_NAMES = { info: '说明', heads: '存证树头', entries: '积分记录' } as const

export const HEAD_COLUMNS = ['日期', '条数', '树根', '前一天树头', '存证时间', '树头', '村编号'] as const
export const ENTRY_COLUMNS = [
  '存证日期',
  '序号',
  '记录编号',
  '叶子哈希',
  'account',
  'householdId',
  'villageId',
  'kind',
  'points',
  'ruleId',
  'ruleVersion',
  'ruleCategory',
  'ruleTitle',
  'ruleMin',
  'ruleMax',
  'correctsId',
  'note',
  'evidence',
  'byHash',
  'byName',
  'at'
] as const

const entryCells = (e: SealedEntry): Cell[] => [
  e.account,
  e.householdId,
  e.villageId,
  e.kind,
  e.points,
  e.rule?.id ?? '',
  e.rule?.version ?? '',
  e.rule?.category ?? '',
  e.rule?.title ?? '',
  e.rule?.min ?? '',
  e.rule?.max ?? '',
  e.correctsId ?? '',
  e.note,
  JSON.stringify(e.evidence),
  e.byHash,
  e.byName,
  e.at
]

export function toSheets(data: LedgerExport): ExportSheets {
  const blank = ENTRY_COLUMNS.slice(4).map(() => '')
  return {
    info: [
      ['format', data.format],
      ['villageId', data.villageId],
      ['villageName', data.villageName],
      ['exportedAt', data.exportedAt]
    ],
    heads: data.days.map(({ head: h }) => [h.day, h.size, h.root, h.prevHash, h.sealedAt, h.headHash, h.villageId]),
    entries: [
      ...data.days.flatMap(({ head, leaves }) =>
        leaves.map((l, i) => [head.day, i, l.id, l.leafHash ?? '', ...(l.entry ? entryCells(l.entry) : blank)])
      ),
      ...data.unsealed.map(e => ['', '', e.id, '', ...entryCells(e)])
    ]
  }
}

const text = (c: Cell | undefined) => (c === undefined || c === null ? '' : String(c))
const num = (c: Cell | undefined) => Number(c)

function entryOf(id: string, r: Cell[]): SealedEntry | null {
  if (text(r[4]) === '') return null
  const ruleId = text(r[9])
  return {
    id,
    account: text(r[4]),
    householdId: text(r[5]),
    villageId: text(r[6]),
    kind: text(r[7]),
    points: num(r[8]),
    rule: ruleId
      ? {
          id: ruleId,
          version: num(r[10]),
          category: text(r[11]),
          title: text(r[12]),
          min: num(r[13]),
          max: num(r[14])
        }
      : null,
    correctsId: text(r[15]) || null,
    note: text(r[16]),
    evidence: JSON.parse(text(r[17]) || '[]'),
    byHash: text(r[18]),
    byName: text(r[19]),
    at: num(r[20])
  }
}

/** The export from its sheets' rows (without the header rows). */
export function fromSheets(sheets: ExportSheets): LedgerExport {
  const info = new Map(sheets.info.map(r => [text(r[0]), r[1]]))
  const days = sheets.heads.map(r => {
    const head: TreeHead = {
      day: text(r[0]),
      size: num(r[1]),
      root: text(r[2]),
      prevHash: text(r[3]),
      sealedAt: num(r[4]),
      headHash: text(r[5]),
      villageId: text(r[6])
    }
    return { head, leaves: [] as ExportLeaf[] }
  })
  const byDay = new Map(days.map(d => [d.head.day, d]))
  const unsealed: SealedEntry[] = []
  for (const r of sheets.entries) {
    const id = text(r[2])
    const day = byDay.get(text(r[0]))
    if (!day) {
      const e = entryOf(id, r)
      if (e) unsealed.push(e)
      continue
    }
    day.leaves[num(r[1])] = { id, ...(text(r[3]) ? { leafHash: text(r[3]) } : {}), entry: entryOf(id, r) }
  }
  return {
    format: text(info.get('format')) as typeof EXPORT_FORMAT,
    villageId: text(info.get('villageId')),
    villageName: text(info.get('villageName')),
    exportedAt: num(info.get('exportedAt')),
    days,
    unsealed
  }
}
