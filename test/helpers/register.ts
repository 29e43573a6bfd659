import ExcelJS from 'exceljs'
import { REGISTER_COLUMNS, RegisterColumn } from '../../core/domain/register'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** A made-up ID number with a correct GB 11643 check character (region 510681: 广汉市), distinct per serial. */
export function validIdNumber(serial: number, birthYear = 1970): string {
  const day = Math.floor(serial / 1000) % 365
  const date = new Date(Date.UTC(birthYear, 0, 1 + day))
  const mmdd = `${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`
  const body = `510681${birthYear}${mmdd}${String(serial % 1000).padStart(3, '0')}`
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(body[i]), 0)
  return body + '10X98765432'[sum % 11]
}

/** The same number with a wrong check character. */
export const badIdNumber = (serial: number) => {
  const good = validIdNumber(serial)
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0')
}

export type SheetRow = Partial<Record<RegisterColumn, string>>

/** An .xlsx register as a village would fill it. */
export async function registerFile(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('花名册')
  sheet.addRow([...REGISTER_COLUMNS])
  for (const r of rows) sheet.addRow(REGISTER_COLUMNS.map(c => r[c] ?? ''))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A village's register of `households` households of 3 people each (head, spouse, child). */
export function registerRows(households: number, groups: string[], grids: string[], idFrom = 0): SheetRow[] {
  const rows: SheetRow[] = []
  for (let i = 0; i < households; i++) {
    const group = groups[i % groups.length]
    const plate = `${group}${100 + i}号`
    const base = { 村民小组: group, 门牌号: plate, 网格: grids[i % grids.length] ?? '' }
    rows.push({
      ...base,
      姓名: `户主${i}`,
      与户主关系: '户主',
      性别: '男',
      出生年份: '1968',
      身份证号: validIdNumber(idFrom + i * 3, 1968),
      联系电话: `1380000${String(i).padStart(4, '0')}`,
      是否党员: i % 10 === 0 ? '是' : '否'
    })
    rows.push({ ...base, 姓名: `配偶${i}`, 与户主关系: '配偶', 性别: '女', 出生年份: '1970' })
    rows.push({ ...base, 姓名: `子女${i}`, 与户主关系: '子女', 性别: '男', 出生年份: '1995' })
  }
  return rows
}
