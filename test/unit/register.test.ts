import {
  idNumberValid,
  maskIdNumber,
  maskPhone,
  normaliseDoorPlate,
  parseRegister,
  RegisterRow,
  VillagePlaces
} from '../../core/domain/register'
import { idHash, storedNumbers } from '../../cloudfunctions/api/services/register/privacy'
import { readRegister, registerTemplate } from '../../cloudfunctions/api/services/register/xlsx'
import { badIdNumber, registerFile, SheetRow, validIdNumber } from '../helpers/register'

const places: VillagePlaces = {
  groups: new Map([
    ['1组', 'grp-1'],
    ['2组', 'grp-2']
  ]),
  grids: new Map([['第1网格', 'g-1']])
}
const rowsOf = (rows: SheetRow[]): RegisterRow[] => rows.map((cells, i) => ({ row: i + 2, cells }))
const parse = (rows: SheetRow[]) => parseRegister(rowsOf(rows), places, 2026)
const head = (plate: string, name: string, extra: SheetRow = {}): SheetRow => ({
  村民小组: '1组',
  门牌号: plate,
  姓名: name,
  与户主关系: '户主',
  ...extra
})
const member = (plate: string, name: string, extra: SheetRow = {}): SheetRow => ({
  村民小组: '1组',
  门牌号: plate,
  姓名: name,
  与户主关系: '子女',
  ...extra
})

describe('ID numbers (GB 11643)', () => {
  test('a correct check character passes, any other fails', () => {
    expect(idNumberValid('11010519491231002X')).toBe(true) // the standard's own example
    expect(idNumberValid('110105194912310021')).toBe(false)
    expect(idNumberValid(validIdNumber(7))).toBe(true)
    expect(idNumberValid(badIdNumber(7))).toBe(false)
    expect(idNumberValid('51068119700101')).toBe(false)
  })

  test('only a keyed hash and the last 4 are kept; the hash depends on the key', () => {
    const id = validIdNumber(42)
    const kept = storedNumbers(id.toLowerCase(), '138 0013 8000', 'key-a')
    expect(kept).toEqual({ idHash: idHash(id, 'key-a'), idLast4: id.slice(-4), phoneMasked: '138****8000' })
    expect(JSON.stringify(kept)).not.toContain(id.slice(0, 14))
    expect(idHash(id, 'key-a')).not.toBe(idHash(id, 'key-b'))
    expect(maskIdNumber(kept.idLast4)).toBe('**************' + id.slice(-4))
    expect(maskPhone('02888881234')).toBe('028****1234')
  })
})

describe('door plates', () => {
  test('spaces, full-width characters and dashes do not make a second plate', () => {
    expect(normaliseDoorPlate('２组 12号')).toBe(normaliseDoorPlate('2组12号'))
    expect(normaliseDoorPlate('A—3')).toBe(normaliseDoorPlate('a-3'))
  })
})

describe('parsing a register', () => {
  test('rows become households by door plate, head first', () => {
    const parsed = parse([
      member('1组1号', '张小明'),
      head('1组1号', '张三', { 身份证号: validIdNumber(1), 联系电话: '13800138000', 是否党员: '是', 网格: '第1网格' }),
      head('1组 2号', '李四')
    ])
    expect(parsed.problems).toEqual([])
    expect(parsed.households).toHaveLength(2)
    const first = parsed.households[0]
    expect(first).toMatchObject({ head: '张三', groupId: 'grp-1', gridId: 'g-1', plateKey: '1组1号' })
    expect(first.members.map(m => m.name)).toEqual(['张三', '张小明'])
    expect(first.members[0].partyMember).toBe(true)
  })

  test('each problem names its row, column and reason in plain Chinese', () => {
    const dup = validIdNumber(9)
    const parsed = parse([
      member('1组5号', '无户主'), // row 2: no head in 1组5号
      head('1组6号', '王五'), // row 3
      head('1组6号', '赵六'), // row 4: the same plate, another head
      head('1组7号', '孙七', { 身份证号: badIdNumber(3) }), // row 5: impossible check character
      head('1组8号', '周八', { 村民小组: '9组' }), // row 6: no such group
      head('1组9号', '吴九', { 网格: '第9网格' }), // row 7: no such grid
      head('1组10号', '名字太长'.repeat(6)), // row 8: too long
      head('1组11号', '郑十', { 身份证号: dup }), // row 9
      head('1组12号', '钱一', { 身份证号: dup }), // row 10: one person in two households
      { 村民小组: '1组', 门牌号: '1组13号', 与户主关系: '户主' } // row 11: no name
    ])
    const at = (row: number) => parsed.problems.filter(p => p.row === row).map(p => `${p.column}:${p.reason}`)
    expect(at(2)).toEqual([expect.stringMatching(/^与户主关系:门牌1组5号没有户主/)])
    expect(at(4)).toEqual([expect.stringMatching(/^门牌号:门牌1组6号出现了两次，户主不同（王五、赵六）/)])
    expect(at(5)).toEqual([expect.stringMatching(/^身份证号:身份证号不对/)])
    expect(at(6)).toEqual(['村民小组:本村没有“9组”这个村民小组'])
    expect(at(7)).toEqual(['网格:本村没有“第9网格”这个网格'])
    expect(at(8)).toEqual(['姓名:姓名太长了，最多20个字'])
    expect(at(9)).toEqual([expect.stringMatching(/^身份证号:郑十的身份证号在门牌1组12号也出现了/)])
    expect(at(10)).toEqual([expect.stringMatching(/^身份证号:钱一的身份证号在门牌1组11号也出现了/)])
    expect(at(11)).toEqual(['姓名:姓名没有填'])
    // only the households without a problem are taken: none here
    expect(parsed.households.map(h => h.doorPlate)).toEqual([])
  })
})

describe('the .xlsx register', () => {
  test('the template opens with the columns, and a filled file reads back as rows', async () => {
    const template = await readRegister(await registerTemplate(['1组', '2组'], ['第1网格']))
    expect(template).toEqual([
      {
        row: 2,
        cells: {
          村民小组: '1组',
          门牌号: '1组1号',
          姓名: '张三',
          与户主关系: '户主',
          性别: '男',
          出生年份: '1965',
          是否党员: '否'
        }
      }
    ])
    const id = validIdNumber(5)
    const rows = await readRegister(
      await registerFile([head('1组1号', '张三', { 身份证号: id }), member('1组1号', '张四')])
    )
    expect(rows[0]).toEqual({
      row: 2,
      cells: { 村民小组: '1组', 门牌号: '1组1号', 姓名: '张三', 与户主关系: '户主', 身份证号: id }
    })
    expect(rows).toHaveLength(2)
  })

  test('a file that is not a register is refused with a plain reason', async () => {
    await expect(readRegister(Buffer.from('not a spreadsheet'))).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const noColumns = await registerFile([])
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('x').addRow(['名字'])
    await expect(readRegister(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toThrow(
      /缺少这些列：村民小组、门牌号、姓名、与户主关系/
    )
    expect(await readRegister(noColumns)).toEqual([])
  })
})
