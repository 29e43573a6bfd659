import { AppError } from '../../../core/contract/errors'
import {
  DISTRIBUTION_BANDS,
  ObjectionFact,
  periodRange,
  ScoredEntry,
  scorerRows,
  villageFigures
} from '../../../core/domain/fairness'
import { periodKeys } from '../../../core/domain/period'
import { DAY_MS } from '../../../core/domain/seal'
import { hash } from '../../shared/data/ids'
import type { EntryDoc, HouseholdDoc, ObjectionDoc, PendingDoc, PlaceDoc } from '../../shared/data/documents'
import { childPlaces } from '../services/places'
import { roles, RouteCtx, Routes } from '../router/route'
import { getDoc } from '../services/trust-docs'
import { villageToRead } from '../village-scope'

/**
 * Fairness statistics (公平性). Cost: every read is bounded by one village and one period: the
 * period's score entries of the village (paged, at most FAIRNESS_ENTRIES_MAX), its objections and
 * approved proposals of the period, its households' groups (one field each), and one aggregation of
 * the last six months for the households nobody scored. A town page asks village by village.
 */

const FAIRNESS_ENTRIES_MAX = 20_000
const PAGE = 1000
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

async function paged<T>(ctx: RouteCtx, collection: string, where: object, fields?: object): Promise<T[]> {
  const found: T[] = []
  for (let skip = 0; ; skip += PAGE) {
    let query = ctx.db.collection(collection).where(where).skip(skip).limit(PAGE)
    if (fields) query = query.field(fields)
    const res = (await query.get()) as unknown as { data: T[] }
    found.push(...res.data)
    if (found.length > FAIRNESS_ENTRIES_MAX)
      throw new AppError('INVALID_INPUT', '这段时间的记录太多，请选短一点的时间段')
    if (res.data.length < PAGE) return found
  }
}

/** How many households got a score entry since `sinceMs`: one aggregation, grouped by household. */
async function householdsScoredSince(ctx: RouteCtx, villageId: string, sinceMs: number): Promise<number> {
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('entries')
    .aggregate()
    .match({ villageId, at: _.gte(sinceMs), kind: _.in(['award', 'deduction']), householdId: _.exists(true) })
    .group({ _id: '$householdId' })
    .limit(10_000)
    .end()) as unknown as { list: { _id: string }[] }
  return res.list.length
}

export const fairnessRoutes = {
  'fairness.town': {
    access: roles('townAdmin'),
    // one village of the town, named by placeId and checked by villageToRead
    scope: 'own',
    async handle({ placeId, period, key }, ctx) {
      const { village, townVillages } = await villageToRead(ctx, placeId)
      const periodKey = key ?? periodKeys(ctx.now())[period]
      const { fromMs, toMs } = periodRange(periodKey)
      const [entries, proposals, objections, households, groups, scoredRecently] = await Promise.all([
        paged<EntryDoc>(ctx, 'entries', { villageId: village._id, at: between(ctx, fromMs, toMs) }),
        paged<PendingDoc>(ctx, 'pending', {
          villageId: village._id,
          state: 'approved',
          at: between(ctx, fromMs - LATE_MS, toMs)
        }),
        paged<ObjectionDoc>(ctx, 'objections', { villageId: village._id, at: between(ctx, fromMs, toMs + LATE_MS) }),
        paged<HouseholdDoc>(ctx, 'households', { villageId: village._id }, { _id: true, groupId: true }),
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
      const count = async (where: object) =>
        ((await ctx.db.collection('households').where(where).count()) as unknown as { total: number }).total
      const inMonth = { villageId, monthKey: month }
      const [place, households, belowZero, ...bands] = await Promise.all([
        getDoc<PlaceDoc>(ctx, 'places', villageId),
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
