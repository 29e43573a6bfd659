/**
 * The register (花名册): the columns of the import template, and the rules a sheet's rows must keep
 * before anything is written. Pure: the api reads the .xlsx with exceljs and hands the cells here as
 * text; every problem comes back with its row number, column and a plain Chinese reason.
 */

export const REGISTER_COLUMNS = [
  '村民小组',
  '门牌号',
  '姓名',
  '与户主关系',
  '性别',
  '出生年份',
  '身份证号',
  '联系电话',
  '是否党员',
  '网格'
] as const
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number]

/** Limits checked where the file arrives. */
export const REGISTER_ROWS_MAX = 5000
export const REGISTER_BYTES_MAX = 5 * 1024 * 1024
/** Problems listed in a preview; a sheet with more is broken in a way the first ones explain. */
export const REGISTER_PROBLEMS_SHOWN_MAX = 200

const LENGTH_MAX: Record<RegisterColumn, number> = {
  村民小组: 30,
  门牌号: 30,
  姓名: 20,
  与户主关系: 10,
  性别: 1,
  出生年份: 4,
  身份证号: 18,
  联系电话: 20,
  是否党员: 1,
  网格: 30
}
const REQUIRED: RegisterColumn[] = ['村民小组', '门牌号', '姓名', '与户主关系']
const HEAD_RELATIONS = ['户主', '本人']

export interface RegisterRow {
  /** the row's number in the sheet, as the user sees it in Excel */
  row: number
  cells: Partial<Record<RegisterColumn, string>>
}

export interface RegisterProblem {
  row: number
  column: RegisterColumn | ''
  reason: string
}

export interface RegisterPerson {
  row: number
  name: string
  relation: string
  gender: '男' | '女' | ''
  birthYear: number | null
  /** the full number, only until the api has hashed it; never stored */
  idNumber: string
  phone: string
  partyMember: boolean
}

export interface RegisterHousehold {
  /** the door plate as written, and its normalised form (what identifies it in the village) */
  doorPlate: string
  plateKey: string
  groupId: string
  gridId: string
  head: string
  members: RegisterPerson[]
  firstRow: number
}

export interface VillagePlaces {
  /** group and grid names of the village → their place ids */
  groups: Map<string, string>
  grids: Map<string, string>
}

/**
 * The door plate as the village means it: full-width characters, spaces and the usual dashes do not
 * make a second plate ("2组 12号", "２组12号" and "2组12号" are one).
 */
export function normaliseDoorPlate(plate: string): string {
  return plate
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[—–－‐]/g, '-')
    .toUpperCase()
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** GB 11643-1999: 17 digits and a check character computed from them (ISO 7064 MOD 11-2). */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17]
}

export const normaliseIdNumber = (id: string) => id.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
export const normalisePhone = (phone: string) => phone.normalize('NFKC').replace(/[\s-]+/g, '')

/** What anyone is shown of an ID number: its last 4 characters. The rest is not stored. */
export const maskIdNumber = (last4: string) => '*'.repeat(14) + last4
/** What anyone is shown (and what is stored) of a phone number: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = normalisePhone(phone)
  if (digits.length < 7) return '*'.repeat(digits.length)
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4)
}

const PHONE = /^(1\d{10}|0\d{2,3}\d{7,8}|\d{7,8})$/

/** Problems of one row by itself: required cells, lengths, formats, places. */
function rowProblems(r: RegisterRow, places: VillagePlaces, yearNow: number): RegisterProblem[] {
  const problems: RegisterProblem[] = []
  const add = (column: RegisterColumn, reason: string) => problems.push({ row: r.row, column, reason })
  const cell = (c: RegisterColumn) => r.cells[c] ?? ''
  for (const c of REQUIRED) if (!cell(c)) add(c, `${c}没有填`)
  for (const c of REGISTER_COLUMNS) if (cell(c).length > LENGTH_MAX[c]) add(c, `${c}太长了，最多${LENGTH_MAX[c]}个字`)
  if (cell('村民小组') && !places.groups.has(cell('村民小组')))
    add('村民小组', `本村没有“${cell('村民小组')}”这个村民小组`)
  if (cell('网格') && !places.grids.has(cell('网格'))) add('网格', `本村没有“${cell('网格')}”这个网格`)
  if (cell('性别') && !['男', '女'].includes(cell('性别'))) add('性别', '性别请填“男”或“女”')
  const year = cell('出生年份')
  if (year && !(/^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= yearNow))
    add('出生年份', `出生年份请填4位年份，如1965`)
  const id = normaliseIdNumber(cell('身份证号'))
  if (id && !idNumberValid(id)) add('身份证号', '身份证号不对（位数或最后一位校验码对不上），请核对')
  if (cell('联系电话') && !PHONE.test(normalisePhone(cell('联系电话'))))
    add('联系电话', '联系电话不对，请填11位手机号或座机号')
  if (cell('是否党员') && !['是', '否'].includes(cell('是否党员'))) add('是否党员', '是否党员请填“是”或“否”')
  return problems
}

function personOf(r: RegisterRow): RegisterPerson {
  const cell = (c: RegisterColumn) => r.cells[c] ?? ''
  return {
    row: r.row,
    name: cell('姓名'),
    relation: HEAD_RELATIONS.includes(cell('与户主关系')) ? '户主' : cell('与户主关系'),
    gender: (cell('性别') as RegisterPerson['gender']) || '',
    birthYear: cell('出生年份') ? Number(cell('出生年份')) : null,
    idNumber: normaliseIdNumber(cell('身份证号')),
    phone: normalisePhone(cell('联系电话')),
    partyMember: cell('是否党员') === '是'
  }
}

/** Problems of a household as a whole: one head, one group, no one twice. */
function householdProblems(h: RegisterHousehold, groupsSeen: Set<string>): RegisterProblem[] {
  const problems: RegisterProblem[] = []
  const heads = h.members.filter(m => m.relation === '户主')
  if (heads.length === 0)
    problems.push({ row: h.firstRow, column: '与户主关系', reason: `门牌${h.doorPlate}没有户主，请有一人填“户主”` })
  const otherHead = heads.find(m => m.name !== heads[0].name)
  if (otherHead)
    problems.push({
      row: otherHead.row,
      column: '门牌号',
      reason: `门牌${h.doorPlate}出现了两次，户主不同（${heads[0].name}、${otherHead.name}），请核对门牌`
    })
  if (groupsSeen.size > 1)
    problems.push({ row: h.firstRow, column: '村民小组', reason: `门牌${h.doorPlate}的各行填了不同的村民小组` })
  const names = new Set<string>()
  for (const m of h.members) {
    const key = `${m.name}|${m.idNumber}`
    if (names.has(key) && m.relation !== '户主')
      problems.push({ row: m.row, column: '姓名', reason: `${m.name}在这一户里填了两次` })
    names.add(key)
  }
  return problems
}

export interface ParsedRegister {
  households: RegisterHousehold[]
  problems: RegisterProblem[]
  rows: number
}

/**
 * The sheet's rows grouped into households by door plate, with every problem found. Rows with
 * problems of their own are left out of the households (and so out of any change); a household with
 * a problem is left out whole.
 */
export function parseRegister(rows: RegisterRow[], places: VillagePlaces, yearNow: number): ParsedRegister {
  const problems: RegisterProblem[] = []
  const byPlate = new Map<string, { h: RegisterHousehold; groups: Set<string> }>()
  for (const r of rows) {
    const own = rowProblems(r, places, yearNow)
    problems.push(...own)
    if (own.length > 0) continue
    const plate = r.cells['门牌号']!
    const plateKey = normaliseDoorPlate(plate)
    let entry = byPlate.get(plateKey)
    if (!entry) {
      entry = {
        h: {
          doorPlate: plate,
          plateKey,
          groupId: places.groups.get(r.cells['村民小组']!)!,
          gridId: places.grids.get(r.cells['网格'] ?? '') ?? '',
          head: '',
          members: [],
          firstRow: r.row
        },
        groups: new Set()
      }
      byPlate.set(plateKey, entry)
    }
    entry.groups.add(r.cells['村民小组']!)
    if (!entry.h.gridId && r.cells['网格']) entry.h.gridId = places.grids.get(r.cells['网格'])!
    entry.h.members.push(personOf(r))
  }
  const households: RegisterHousehold[] = []
  for (const { h, groups } of byPlate.values()) {
    const own = householdProblems(h, groups)
    problems.push(...own)
    h.head = h.members.find(m => m.relation === '户主')?.name ?? ''
    // the head first, then the others in the sheet's order
    h.members.sort((a, b) => Number(b.relation === '户主') - Number(a.relation === '户主') || a.row - b.row)
    if (own.length === 0) households.push(h)
  }
  problems.push(...peopleInTwoHouseholds(households))
  const refused = new Set(problems.map(p => p.row))
  return {
    households: households.filter(h => !h.members.some(m => refused.has(m.row))),
    problems: problems.sort((a, b) => a.row - b.row),
    rows: rows.length
  }
}

/** One ID number in two households of the same sheet: both are refused, the sheet cannot say which is right. */
function peopleInTwoHouseholds(households: RegisterHousehold[]): RegisterProblem[] {
  const byId = new Map<string, { h: RegisterHousehold; m: RegisterPerson }[]>()
  for (const h of households)
    for (const m of h.members) if (m.idNumber) byId.set(m.idNumber, [...(byId.get(m.idNumber) ?? []), { h, m }])
  const problems: RegisterProblem[] = []
  for (const found of byId.values()) {
    const plates = [...new Set(found.map(f => f.h.doorPlate))]
    if (plates.length < 2) continue
    for (const { h, m } of found)
      problems.push({
        row: m.row,
        column: '身份证号',
        reason: `${m.name}的身份证号在门牌${plates.filter(p => p !== h.doorPlate).join('、')}也出现了，一个人只能在一户`
      })
  }
  return problems
}

/** The sheet's header row → which column holds which field; the missing required columns. */
export function headerColumns(header: string[]): { columns: Map<RegisterColumn, number>; missing: RegisterColumn[] } {
  const columns = new Map<RegisterColumn, number>()
  header.forEach((name, i) => {
    const c = REGISTER_COLUMNS.find(col => col === name.trim())
    if (c && !columns.has(c)) columns.set(c, i)
  })
  return { columns, missing: REQUIRED.filter(c => !columns.has(c)) }
}
