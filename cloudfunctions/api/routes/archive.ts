import { AppError } from '../../../core/contract/errors'
import type { EntryView } from '../../../core/contract/routes'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import type { Handler, RouteCtx } from '../router'
import { getDoc } from '../identity'
import type { PlaceDoc } from '../places'

export interface HouseholdDoc {
  _id: string
  villageId: string
  doorPlate: string
  head: string
  members: { name: string; relation: string; partyMember: boolean }[]
  balance: number
  monthKey: string
  monthPoints: number
  yearKey: string
  yearPoints: number
}

export interface EntryDoc {
  _id: string
  householdId: string
  villageId: string
  kind: EntryView['kind']
  points: number
  rule: { id: string; title: string; category: string }
  note: string
  by: string
  at: number
  month: string
  year: string
}

export const toEntryView = (e: EntryDoc): EntryView => ({
  id: e._id,
  points: e.points,
  kind: e.kind,
  title: e.rule.title,
  category: e.rule.category,
  note: e.note,
  at: e.at
})

/** The caller's own household, from their villager grant; never from the input. */
export function myHousehold(ctx: RouteCtx) {
  const grant = ctx.identity.roles.find(r => r.role === 'villager')
  if (!grant || grant.role !== 'villager') throw new AppError('NOT_BOUND')
  return grant
}

export const home: Handler<'archive.home'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle(_input, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const _ = ctx.db.command
    const [household, village, latest] = await Promise.all([
      getDoc<HouseholdDoc>(ctx, 'households', householdId),
      getDoc<PlaceDoc>(ctx, 'places', villageId),
      ctx.db.collection('entries').where({ householdId }).orderBy('at', 'desc').limit(5).get() as unknown as Promise<{ data: EntryDoc[] }>
    ])
    if (!household || !village) throw new AppError('NOT_FOUND')
    const above = (await ctx.db
      .collection('households')
      .where({ villageId, balance: _.gt(household.balance) })
      .count()) as { total: number }
    const now = periodKeys(ctx.now())
    return {
      card: {
        householdId,
        doorPlate: household.doorPlate,
        head: household.head,
        villageName: village.name,
        balance: household.balance,
        stars: starLevel(household.balance, village.starThresholds),
        rankInVillage: above.total + 1,
        householdsInVillage: village.householdCount ?? 0,
        monthPoints: household.monthKey === now.month ? household.monthPoints : 0,
        yearPoints: household.yearKey === now.year ? household.yearPoints : 0
      },
      latest: latest.data.map(toEntryView)
    }
  }
}
