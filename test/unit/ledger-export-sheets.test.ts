import { EXPORT_FORMAT, LedgerExport, verifyExport } from '../../core/domain/ledger-export'
import { fromSheets, toSheets } from '../../core/domain/ledger-export-sheets'
import { toHex } from '../../core/domain/merkle'
import { dayRange, entryLeafHash, makeHead, SealedEntry } from '../../core/domain/seal'

const at = dayRange('2026-11-25').fromMs
const entry = (id: string, extra: Partial<SealedEntry> = {}): SealedEntry => ({
  id,
  account: 'household:h1',
  householdId: 'h1',
  villageId: 'v1',
  kind: 'award',
  points: 5,
  rule: { id: 'r1', version: 2, category: '人居环境', title: '垃圾分类 "好"', min: 5, max: 5 },
  correctsId: null,
  note: '',
  evidence: [],
  byHash: 'ab',
  byName: '张德明',
  at,
  ...extra
})

test('the export survives its spreadsheet rows exactly, and still verifies', () => {
  const entries = [
    entry('a'),
    entry('b', {
      at: at + 1,
      rule: null,
      kind: 'redemption',
      points: -5,
      note: '香皂 ×1',
      evidence: ['cloud://x/y.jpg']
    }),
    entry('c', { at: at + 2, kind: 'correction', points: -5, correctsId: 'a' })
  ]
  const head = makeHead('v1', '2026-11-25', entries.map(entryLeafHash), null, at + 86_400_000)
  const data: LedgerExport = {
    format: EXPORT_FORMAT,
    villageId: 'v1',
    villageName: '新丰村',
    exportedAt: 1,
    days: [{ head, leaves: entries.map(e => ({ id: e.id, leafHash: toHex(entryLeafHash(e)), entry: e })) }],
    unsealed: [entry('d', { at: at + 90_000_000 })]
  }
  const back = fromSheets(toSheets(data))
  expect(back).toEqual(data)
  expect(verifyExport(back).ok).toBe(true)
})
