import { AppError } from '../../../core/contract/errors'
import {
  DISTRIBUTION_BANDS,
  ObjectionFact,
  periodRange,
  ScoredEntry,
  scorerRows,
  villageFigures
} from '../../../core/domain/fairness'
import { periodKeys, periodKindOf } from '../../../core/domain/period'
import { DAY_MS } from '../../../core/domain/seal'
import { hash } from '../../shared/data/ids'
import type { EntryDoc, PendingDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { childPlaces } from '../services/places'
import { roles, RouteCtx, Routes } from '../router/route'
import { villageToRead } from '../services/village-to-read'

/**
 * Fairness statistics (公平性). Cost: every read is bounded by one village and one period: the
 * period's score entries of the village (paged, at most FAIRNESS_ENTRIES_MAX), its objections and
 * approved proposals of the period, its households' groups (one field each), and one aggregation of
 * the last six months for the households nobody scored. A town page asks village by village.
 */

const FAIRNESS_ENTRIES_MAX = 20_000
const SIX_MONTHS_MS = 183 * DAY_MS
/** objections and approvals come after the entry: look this far past the period's end */
const LATE_MS = 60 * DAY_MS

/** Score entries by their scorer: the grid worker whose proposal it was, otherwise who posted it. */
function scoredEntriesOf(entries: EntryDoc[], proposals: PendingDoc[]): ScoredEntry[] {
  const proposer = new Map(proposals.filter(p => p.kind === 'proposal').map(p => [`ap-${p._id}`, p]))
  return entries
    .filter(e => (e.kind === 'award' || e.kind === 'deduction') && e.account.startsWith('household:'))
    .map(e => {
      const p = proposer.get(e._id)
      const by = p ? p.by : e.by
      return {
        id: e._id,
        householdId: e.householdId,
        scorer: hash(by).slice(0, 12),
        scorerName: (p ? p.byName : e.byName) || '未署名',
        points: e.points
      }
    })
}

const between = (ctx: RouteCtx, fromMs: number, toMs: number) => {
  const _ = ctx.db.command
  return _.gte(fromMs).and(_.lt(toMs))
}

/** Every row a figure needs, or a refusal when the period holds more than one answer should read. */
function refuseOver<T>(rows: T[]): T[] {
  if (rows.length > FAIRNESS_ENTRIES_MAX) throw new AppError('INVALID_INPUT', '这段时间的记录太多，请选短一点的时间段')
  return rows
}

/** How many households got a score entry since `sinceMs`: one aggregation, grouped by household. */
async function householdsScoredSince(ctx: RouteCtx, villageId: string, sinceMs: number): Promise<number> {
  const _ = ctx.db.command
  const list = await data(ctx).entries.aggregate<{ _id: string }>(pipeline =>
    pipeline
      .match({ villageId, at: _.gte(sinceMs), kind: _.in(['award', 'deduction']), householdId: _.exists(true) })
      .group({ _id: '$householdId' })
      .limit(10_000)
  )
  return list.length
}

export const fairnessRoutes = {
  'fairness.town': {
    access: roles('townAdmin'),
    // one village of the town, named by placeId and checked by villageToRead
    scope: 'area',
    async handle({ placeId, period, key }, ctx) {
      const { village, townVillages } = await villageToRead(ctx, placeId)
      // a key of another kind would be answered as that kind under this period's name
      if (key && periodKindOf(key) !== period) throw new AppError('INVALID_INPUT', '时间段和所选的月、季度或年对不上')
      const periodKey = key ?? periodKeys(ctx.now())[period]
      const { fromMs, toMs } = periodRange(periodKey)
      const store = data(ctx)
      const max = FAIRNESS_ENTRIES_MAX
      const [entries, proposals, objections, households, groups, scoredRecently] = await Promise.all([
        store.entries.findAll({ villageId: village._id, at: between(ctx, fromMs, toMs) }, { max }).then(refuseOver),
        store.pending
          .findAll({ villageId: village._id, state: 'approved', at: between(ctx, fromMs - LATE_MS, toMs) }, { max })
          .then(refuseOver),
        store.objections
          .findAll({ villageId: village._id, at: between(ctx, fromMs, toMs + LATE_MS) }, { max })
          .then(refuseOver),
        store.households.findAll({ villageId: village._id }, { fields: ['groupId'], max }).then(refuseOver),
        childPlaces(ctx, [village._id]),
        householdsScoredSince(ctx, village._id, ctx.now() - SIX_MONTHS_MS)
      ])
      const scored = scoredEntriesOf(entries, proposals)
      const ids = new Set(scored.map(e => e.id))
      const facts: ObjectionFact[] = objections
        .filter(o => ids.has(o.entryId) && o.state !== 'open')
        .map(o => ({ entryId: o.entryId, upheld: o.state === 'upheld' }))
      const groupName = new Map(groups.filter(p => p.kind === 'group').map(p => [p._id, p.name]))
      const groupOfHousehold = new Map(households.map(h => [h._id, groupName.get(h.groupId) ?? '未分组']))
      const groupSizes = new Map<string, number>()
      for (const g of groupOfHousehold.values()) groupSizes.set(g, (groupSizes.get(g) ?? 0) + 1)
      return {
        period,
        key: periodKey,
        villages: townVillages.map(v => ({ id: v._id, name: v.name })),
        village: villageFigures(
          { id: village._id, name: village.name, households: households.length },
          scored,
          facts,
          scoredRecently
        ),
        scorers: scorerRows(scored, facts, h => groupOfHousehold.get(h) ?? '未分组', groupSizes)
      }
    }
  },
  /**
   * What villagers see of their village's month: how many households got points, and how many got
   * how much. Counted from the households' month points with the village_month index: a handful of
   * counts, whatever the village's size.
   */
  'fairness.village': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    async handle(_input, ctx) {
      const { villageId } = ctx.scope
      const month = periodKeys(ctx.now()).month
      const _ = ctx.db.command
      const count = (where: object) => data(ctx).households.count(where)
      const inMonth = { villageId, monthKey: month }
      const [place, households, belowZero, ...bands] = await Promise.all([
        data(ctx).places.get(villageId),
        count({ villageId }),
        count({ ...inMonth, monthPoints: _.lt(0) }),
        ...DISTRIBUTION_BANDS.map(b =>
          count({ ...inMonth, monthPoints: b.max === null ? _.gte(b.min) : _.gte(b.min).and(_.lte(b.max)) })
        )
      ])
      return {
        villageName: place?.name ?? '',
        month,
        households,
        withPoints: bands.reduce((a, b) => a + b, 0),
        belowZero,
        bands: DISTRIBUTION_BANDS.map((b, i) => ({ label: b.label, count: bands[i] }))
      }
    }
  }
} satisfies Partial<Routes>
