import type ExcelJS from 'exceljs'
import type { LedgerExport } from '../../core/domain/ledger-export'
import {
  Cell,
  ENTRY_COLUMNS,
  ExportSheets,
  fromSheets,
  HEAD_COLUMNS,
  SHEET_NAMES,
  toSheets
} from '../../core/domain/ledger-export-sheets'
import { loadExcel } from './excel'

/** The ledger export as an .xlsx workbook (three sheets: 说明, 存证树头, 积分记录), and read back. */
export async function exportWorkbook(data: LedgerExport): Promise<Buffer> {
  const sheets = toSheets(data)
  const wb = new (await loadExcel()).Workbook()
  const add = (name: string, header: readonly string[] | null, rows: Cell[][]) => {
    const sheet = wb.addWorksheet(name)
    if (header) sheet.addRow([...header]).font = { bold: true }
    for (const row of rows) sheet.addRow(row)
  }
  add(SHEET_NAMES.info, null, sheets.info)
  add(SHEET_NAMES.heads, HEAD_COLUMNS, sheets.heads)
  add(SHEET_NAMES.entries, ENTRY_COLUMNS, sheets.entries)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function readExportWorkbook(content: Buffer | ArrayBuffer): Promise<LedgerExport> {
  const wb = new (await loadExcel()).Workbook()
  // exceljs types its input as an ArrayBuffer (a Node Buffer is a view, not one): the file's bytes as one
  await wb.xlsx.load(content instanceof ArrayBuffer ? content : new Uint8Array(content).buffer)
  const rowsOf = (name: string, skipHeader: boolean): Cell[][] => {
    const sheet = wb.getWorksheet(name)
    if (!sheet) throw new Error(`没有“${name}”这一页`)
    const rows: Cell[][] = []
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      if (skipHeader && n === 1) return
      const values = row.values as ExcelJS.CellValue[]
      // exceljs numbers columns from 1; an empty cell is undefined
      rows.push(values.slice(1).map(v => (typeof v === 'number' || typeof v === 'string' ? v : '')))
    })
    return rows
  }
  const sheets: ExportSheets = {
    info: rowsOf(SHEET_NAMES.info, false),
    heads: rowsOf(SHEET_NAMES.heads, true),
    entries: rowsOf(SHEET_NAMES.entries, true)
  }
  return fromSheets(sheets)
}
