import type ExcelJS from 'exceljs'
import { AppError } from '../../../../core/contract/errors'
import {
  REGISTER_COLUMNS,
  REGISTER_ROWS_MAX,
  RegisterColumn,
  RegisterRow,
  headerColumns
} from '../../../../core/domain/register'
import { cleanText } from '../../../../core/domain/text'
import { loadExcel } from '../../../shared/excel'

/**
 * The register as an .xlsx file, by exceljs (not the `xlsx` package, whose published version reads
 * crafted files badly): the template to fill, and the rows of a filled one as text.
 */

const EXAMPLE: Record<RegisterColumn, string>[] = [
  {
    村民小组: '1组',
    门牌号: '1组1号',
    姓名: '张三',
    与户主关系: '户主',
    性别: '男',
    出生年份: '1965',
    身份证号: '',
    联系电话: '',
    是否党员: '否',
    网格: ''
  }
]

/** The template: one row per person, every column formatted as text (so an ID number keeps its digits). */
export async function registerTemplate(groupNames: string[], gridNames: string[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook()
  const sheet = wb.addWorksheet('花名册')
  sheet.columns = REGISTER_COLUMNS.map(c => ({
    header: c,
    key: c,
    width: c === '身份证号' ? 22 : 12,
    style: { numFmt: '@' }
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of EXAMPLE) sheet.addRow({ ...row, 村民小组: groupNames[0] ?? row.村民小组 })
  const help = wb.addWorksheet('填写说明')
  help.columns = [{ width: 90 }]
  for (const line of [
    '一行填一个人。同一户的人门牌号相同，其中一人的“与户主关系”填“户主”。',
    '村民小组、门牌号、姓名、与户主关系必须填；其余可以不填。',
    `本村的村民小组：${groupNames.join('、') || '（还没有）'}`,
    `本村的网格：${gridNames.join('、') || '（还没有）'}`,
    '性别填“男”或“女”；出生年份填4位，如1965；是否党员填“是”或“否”。',
    '身份证号和联系电话只用来核对是不是同一个人，系统不保存完整号码，只保存后4位。',
    `一个文件最多${REGISTER_ROWS_MAX}行，不超过5MB。示例行可以删掉或改成真实的。`
  ])
    help.addRow([line])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * A cell as the user typed it: rich text, formulas' results, hyperlinks and numbers become text, cleaned
 * as every typed text is (core/domain/text.ts).
 */
export const cellText = (value: ExcelJS.CellValue): string => cleanText(rawCellText(value)).trim()

function rawCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (value instanceof Date) return String(value.getUTCFullYear())
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map(t => t.text).join('')
    if ('result' in value) return rawCellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
  }
  return ''
}

/** The rows of the first sheet, keyed by column name; refuses a file without the required columns. */
export async function readRegister(file: Buffer): Promise<RegisterRow[]> {
  const wb = new (await loadExcel()).Workbook()
  try {
    // exceljs types its input as an ArrayBuffer (a Node Buffer is a view, not one): the file's bytes as one
    await wb.xlsx.load(new Uint8Array(file).buffer)
  } catch {
    throw new AppError('INVALID_INPUT', '这个文件打不开，请用花名册模板另存为 .xlsx 后再上传')
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw new AppError('INVALID_INPUT', '文件里没有表格')
  if (sheet.actualRowCount > REGISTER_ROWS_MAX + 1)
    throw new AppError('INVALID_INPUT', `一个文件最多${REGISTER_ROWS_MAX}行，请分成几个文件导入`)
  const header: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value)))
  const { columns, missing } = headerColumns(header)
  if (missing.length > 0)
    throw new AppError('INVALID_INPUT', `第1行缺少这些列：${missing.join('、')}。请用花名册模板填写`)
  const rows: RegisterRow[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const cells: RegisterRow['cells'] = {}
    for (const [name, index] of columns) {
      const text = cellText(row.getCell(index + 1).value)
      if (text) cells[name] = text
    }
    if (Object.keys(cells).length > 0) rows.push({ row: rowNumber, cells })
  })
  return rows
}

/** A sheet of rows under a header of Chinese column names, as .xlsx (exports). */
export async function tableWorkbook(
  sheets: { name: string; header: string[]; rows: (string | number)[][] }[]
): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook()
  for (const s of sheets) {
    const sheet = wb.addWorksheet(s.name)
    sheet.addRow(s.header).font = { bold: true }
    for (const row of s.rows) sheet.addRow(row)
    sheet.columns.forEach(c => (c.width = 14))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
