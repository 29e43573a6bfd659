import { doorPlateOrder } from '../../../core/domain/door-plate'
import type { ImportCounts } from '../../../core/contract/county'
import { AppError } from '../../../core/contract/errors'
import { mapWithLimit } from '../../shared/limit'
import { getDoc } from '../identity'
import { isDuplicate } from '../ids'
import { transact, transactionGet } from '../ledger'
import type { HouseholdDoc, PersonDoc, PlaceDoc } from '../model/documents'
import type { RouteCtx } from '../router'
import { claimDoorPlate } from './door-plates'
import type { PlannedHousehold } from './import'

/** Households written at once: each new one is its own small transaction (the plate's key and the household). */
const WRITE_PARALLELISM = 10

/** The import's progress, so that a call cut short by the time limit resumes where it stopped. */
export interface ImportDoc extends ImportCounts {
  _id: string
  villageId: string
  townId: string
  fileId: string
  by: string
  byName: string
  state: 'running' | 'done'
  handled: number
  total: number
  problemCount: number
  startedAt: number
  updatedAt: number
}

export const zeroCounts = (): ImportCounts => ({
  householdsAdded: 0,
  householdsChanged: 0,
  householdsUnchanged: 0,
  peopleAdded: 0,
  peopleChanged: 0
})

/** Writes one planned household and its people; says what it did (a lost race counts as unchanged). */
export async function applyHousehold(ctx: RouteCtx, village: PlaceDoc, plan: PlannedHousehold): Promise<ImportCounts> {
  const counts = zeroCounts()
  if (plan.state === 'same') {
    counts.householdsUnchanged = 1
    return counts
  }
  const _ = ctx.db.command
  const fields = {
    doorPlate: plan.source.doorPlate,
    head: plan.source.head,
    groupId: plan.source.groupId,
    gridId: plan.source.gridId || plan.existing?.gridId || '',
    plateOrder: doorPlateOrder(plan.source.doorPlate)
  }
  if (plan.state === 'add') {
    const created = await transact(ctx, async t => {
      if (await transactionGet<HouseholdDoc>(t, 'households', plan.householdId)) return false
      await claimDoorPlate(t, village._id, plan.householdId, fields.doorPlate)
      await t.collection('households').add({ data: newHousehold(village, plan, fields) })
      return true
    }).catch(e => {
      // another import or registration took the plate first: this household is theirs now
      if (isDuplicate(e) || (e instanceof AppError && e.code === 'DOOR_PLATE_TAKEN')) return false
      throw e
    })
    if (!created) {
      counts.householdsUnchanged = 1
      return counts
    }
    counts.householdsAdded = 1
  } else {
    await ctx.db
      .collection('households')
      .doc(plan.householdId)
      .update({ data: { ...fields, members: _.set(plan.members) } })
    counts.householdsChanged = 1
  }
  for (const p of plan.people.filter(x => x.state !== 'same')) {
    await setPerson(ctx, p.doc)
    if (p.state === 'add') counts.peopleAdded += 1
    else counts.peopleChanged += 1
  }
  return counts
}

async function setPerson(ctx: RouteCtx, person: PersonDoc) {
  const { _id, ...rest } = person
  await ctx.db.collection('people').doc(_id).set({ data: rest })
}

function newHousehold(
  village: PlaceDoc,
  plan: PlannedHousehold,
  fields: { doorPlate: string; head: string; groupId: string; gridId: string; plateOrder: string }
): HouseholdDoc {
  return {
    _id: plan.householdId,
    villageId: village._id,
    townId: village.parentId ?? '',
    ...fields,
    members: plan.members,
    village: {
      name: village.name,
      starThresholds: village.starThresholds ?? [],
      householdCount: village.householdCount ?? 0,
      postingDays: village.postingDays ?? 0
    },
    latest: [],
    boundUsers: [],
    purchases: {},
    balance: 0,
    earned: 0,
    monthKey: '',
    monthPoints: 0,
    yearKey: '',
    yearPoints: 0,
    caps: {}
  }
}

export const addCounts = (a: ImportCounts, b: ImportCounts): ImportCounts => ({
  householdsAdded: a.householdsAdded + b.householdsAdded,
  householdsChanged: a.householdsChanged + b.householdsChanged,
  householdsUnchanged: a.householdsUnchanged + b.householdsUnchanged,
  peopleAdded: a.peopleAdded + b.peopleAdded,
  peopleChanged: a.peopleChanged + b.peopleChanged
})

/** Applies plans in parallel (bounded) and sums what was done. */
export async function applyHouseholds(ctx: RouteCtx, village: PlaceDoc, plans: PlannedHousehold[]) {
  const done = await mapWithLimit(plans, WRITE_PARALLELISM, plan => applyHousehold(ctx, village, plan))
  return done.reduce(addCounts, zeroCounts())
}

/**
 * The village's counts follow the import: households and people in the archive (and every household's
 * copy of the household count, shown on the home card).
 */
export async function countIntoVillage(ctx: RouteCtx, villageId: string, counts: ImportCounts) {
  if (counts.householdsAdded === 0 && counts.peopleAdded === 0) return
  const _ = ctx.db.command
  await ctx.db
    .collection('places')
    .doc(villageId)
    .update({ data: { householdCount: _.inc(counts.householdsAdded), peopleCount: _.inc(counts.peopleAdded) } })
  if (counts.householdsAdded === 0) return
  const counted = await getDoc<PlaceDoc>(ctx, 'places', villageId)
  await ctx.db
    .collection('households')
    .where({ villageId })
    .update({ data: { village: { householdCount: counted?.householdCount ?? 0 } } })
}
