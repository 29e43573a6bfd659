import { AppError } from '../../../core/contract/errors'
import { formatDateTime } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import { POSTING_STATE_NAMES } from '../../../core/domain/workflow'
import type { EntryDoc, HouseholdDoc, PostingDoc } from '../../shared/data/documents'
import { Collection, data } from '../../shared/data/store'
import { roles, RouteCtx, Routes } from '../router/route'
import { villageIdOf, villageInScope } from '../services/county-scope'
import { publishFile } from '../services/files'
import { overviewOf } from '../services/overview'
import { childPlaces } from '../services/places'
import { tableWorkbook } from '../services/register/xlsx'

/**
 * Exports (导出) as .xlsx with Chinese column names. Reads go page by page by a cursor (never skip),
 * 1,000 rows a read: a year of a 1,000-household village (~12,000 entries) is 12 reads.
 */
const ROLES = ['cadre', 'townAdmin', 'countyAdmin'] as const
const WHO = roles(...ROLES)
const PAGE = 1000
/** An export never holds more than this many rows (a county-wide ledger is not one file). */
const EXPORT_ROWS_MAX = 200_000

const KIND_NAMES: Record<string, string> = {
  award: '加分',
  deduction: '扣分',
  redemption: '兑换',
  refund: '退还',
  correction: '更正'
}

/** Every household of a village, ordered by door plate, read by the plate as cursor. */
async function villageHouseholds(ctx: RouteCtx, villageId: string): Promise<HouseholdDoc[]> {
  const _ = ctx.db.command
  const all: HouseholdDoc[] = []
  for (let last: string | null = null; all.length < EXPORT_ROWS_MAX;) {
    const where: Record<string, unknown> = last === null ? { villageId } : { villageId, doorPlate: _.gt(last) }
    const page = await data(ctx).households.find(where, { orderBy: [['doorPlate', 'asc']], limit: PAGE })
    all.push(...page)
    if (page.length < PAGE) break
    last = page[page.length - 1].doorPlate
  }
  return all
}

const groupNames = async (ctx: RouteCtx, villageId: string) =>
  new Map((await childPlaces(ctx, [villageId])).map(p => [p._id, p.name]))

export const exportRoutes = {
  'export.households': {
    access: WHO,
    scope: 'area',
    async handle({ villageId: asked }, ctx) {
      const villageId = villageIdOf(ctx, asked)
      const village = await villageInScope(ctx, villageId, [...ROLES])
      const [list, names] = await Promise.all([villageHouseholds(ctx, villageId), groupNames(ctx, villageId)])
      const rows = list.map(h => [
        names.get(h.groupId) ?? '',
        h.doorPlate,
        h.head,
        h.members.length,
        h.members.map(m => `${m.name}（${m.relation}）`).join('、'),
        h.balance,
        h.earned,
        starLevel(h.earned, h.village.starThresholds),
        names.get(h.gridId) ?? ''
      ])
      const file = await tableWorkbook([
        {
          name: '家庭户',
          header: ['村民小组', '门牌号', '户主', '人数', '成员', '可用积分', '累计得分', '星级', '网格'],
          rows
        }
      ])
      return publishFile(ctx, `${village.name}家庭户名单.xlsx`, file, rows.length)
    }
  },

  'export.ledger': {
    access: WHO,
    scope: 'area',
    handle: ({ villageId, period }, ctx) => exportLedger(ctx, villageIdOf(ctx, villageId), period)
  },

  'export.ranking': {
    access: WHO,
    scope: 'area',
    handle: ({ villageId, period }, ctx) => exportRanking(ctx, villageIdOf(ctx, villageId), period)
  },

  'export.overview': {
    access: roles('townAdmin', 'countyAdmin'),
    scope: 'area',
    handle: ({ townId }, ctx) => exportOverview(ctx, townId)
  }
} satisfies Partial<Routes>

/** A period's first and last instant (China Standard Time) from "2026", "2026-Q4" or "2026-11". */
export function periodRange(period: string): { fromMs: number; toMs: number; label: string } {
  const year = Number(period.slice(0, 4))
  const cst = (y: number, m: number) => Date.UTC(y, m, 1) - 8 * 3600_000
  if (period.length === 4) return { fromMs: cst(year, 0), toMs: cst(year + 1, 0), label: `${year}年` }
  if (period[5] === 'Q') {
    const q = Number(period[6])
    return { fromMs: cst(year, (q - 1) * 3), toMs: cst(year, q * 3), label: `${year}年第${q}季度` }
  }
  const m = Number(period.slice(5, 7))
  if (m < 1 || m > 12) throw new AppError('INVALID_INPUT', '月份不对')
  return { fromMs: cst(year, m - 1), toMs: cst(year, m), label: `${year}年${m}月` }
}

/** Entries (or postings) of a village in a time range, oldest first, by the (at, _id) cursor. */
async function inRange<T extends { _id: string; at: number }>(
  ctx: RouteCtx,
  collection: Collection<T>,
  villageId: string,
  fromMs: number,
  toMs: number
): Promise<T[]> {
  const _ = ctx.db.command
  const all: T[] = []
  let last: T | null = null
  while (all.length < EXPORT_ROWS_MAX) {
    const where = last
      ? _.and([
          { villageId, at: _.gte(last.at).and(_.lt(toMs)) },
          _.or([{ at: _.gt(last.at) }, { _id: _.gt(last._id) }])
        ])
      : { villageId, at: _.gte(fromMs).and(_.lt(toMs)) }
    const page: T[] = await collection.find(where, {
      orderBy: [
        ['at', 'asc'],
        ['_id', 'asc']
      ],
      limit: PAGE
    })
    all.push(...page)
    if (page.length < PAGE) break
    last = page[page.length - 1]
  }
  return all
}

async function exportLedger(ctx: RouteCtx, villageId: string, period: string) {
  const village = await villageInScope(ctx, villageId, [...ROLES])
  const { fromMs, toMs, label } = periodRange(period)
  const [entries, postings, list] = await Promise.all([
    inRange<EntryDoc>(ctx, data(ctx).entries, villageId, fromMs, toMs),
    inRange<PostingDoc>(ctx, data(ctx).postings, villageId, fromMs, toMs),
    villageHouseholds(ctx, villageId)
  ])
  const stateOf = new Map(postings.map(p => [p._id, POSTING_STATE_NAMES[p.state]]))
  const householdOf = new Map(list.map(h => [h._id, h]))
  // the households' ledger: party members' entries (member:<id>) are exported with party work
  const rows = entries
    .filter(e => e.householdId)
    .map(e => [
      formatDateTime(e.at),
      householdOf.get(e.householdId)?.doorPlate ?? '',
      householdOf.get(e.householdId)?.head ?? '',
      KIND_NAMES[e.kind] ?? e.kind,
      e.rule?.title ?? e.note,
      e.points,
      e.byName,
      stateOf.get(e._id) ?? '不公示',
      e.note
    ])
  const file = await tableWorkbook([
    {
      name: '积分流水',
      header: ['时间', '门牌号', '户主', '类别', '细则', '分值', '经办人', '公示状态', '说明'],
      rows
    }
  ])
  return publishFile(ctx, `${village.name}${label}积分流水.xlsx`, file, rows.length)
}

async function exportRanking(ctx: RouteCtx, villageId: string, period: 'all' | 'year' | 'month') {
  const village = await villageInScope(ctx, villageId, [...ROLES])
  const list = await villageHouseholds(ctx, villageId)
  const month = new Date(ctx.now() + 8 * 3600_000).toISOString().slice(0, 7)
  const year = month.slice(0, 4)
  const pointsOf = (h: HouseholdDoc) =>
    period === 'all'
      ? h.earned
      : period === 'year'
        ? h.yearKey === year
          ? h.yearPoints
          : 0
        : h.monthKey === month
          ? h.monthPoints
          : 0
  const sorted = [...list].sort((a, b) => pointsOf(b) - pointsOf(a) || a.doorPlate.localeCompare(b.doorPlate))
  let rank = 0
  const rows = sorted.map((h, i) => {
    if (i === 0 || pointsOf(h) !== pointsOf(sorted[i - 1])) rank = i + 1
    return [rank, h.doorPlate, h.head, pointsOf(h), starLevel(h.earned, h.village.starThresholds)]
  })
  const title = { all: '总榜', year: '本年榜', month: '本月榜' }[period]
  const file = await tableWorkbook([{ name: title, header: ['名次', '门牌号', '户主', '积分', '星级'], rows }])
  return publishFile(ctx, `${village.name}积分${title}.xlsx`, file, rows.length)
}

async function exportOverview(ctx: RouteCtx, townId: string | undefined) {
  const o = await overviewOf(ctx, townId)
  const pct = (v: number | null) => (v === null ? '' : `${v}%`)
  const rows = [...o.rows, o.total].map(r => [
    r.name,
    r.households,
    r.registeredHouseholds,
    pct(r.coverage),
    r.people,
    r.boundHouseholds,
    pct(r.participationMonth),
    pct(r.participationYear),
    r.awardedMonth,
    r.deductedMonth,
    r.redeemedMonth,
    r.claimsWaiting,
    r.issuesOverdue
  ])
  const file = await tableWorkbook([
    {
      name: '覆盖率',
      header: [
        o.scope === 'county' ? '镇街' : '村',
        '建档户数',
        '户籍户数',
        '覆盖率',
        '纳入管理人数',
        '实名绑定户数',
        '本月参与率',
        '本年参与率',
        '本月加分',
        '本月扣分',
        '本月兑换',
        '待审申报',
        '超期未办'
      ],
      rows
    }
  ])
  return publishFile(ctx, `${o.name}覆盖率${o.month}.xlsx`, file, rows.length)
}
