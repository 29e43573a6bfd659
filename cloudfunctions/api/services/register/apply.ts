import { doorPlateOrder } from '../../../../core/domain/door-plate'
import type { ImportCounts } from '../../../../core/contract/county'
import { AppError } from '../../../../core/contract/errors'
import { isDuplicate } from '../../../shared/data/db-errors'
import type { PersonDoc, PlaceDoc } from '../../../shared/data/documents'
import { data } from '../../../shared/data/store'
import { transact } from '../../../shared/data/transaction'
import { mapWithLimit } from '../../../shared/limit'
import type { RouteCtx } from '../../router/route'
import { newHousehold } from '../households'
import { enrolFlaggedPeople } from '../party-members'
import { claimDoorPlate } from './door-plates'
import type { PlannedHousehold } from './import'

/** Households written at once: each new one is its own small transaction (the plate's key and the household). */
const WRITE_PARALLELISM = 10

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
    gridId: plan.source.gridId || plan.existing?.gridId || ''
  }
  if (plan.state === 'add') {
    const created = await transact(ctx, async tx => {
      if (await tx.get('households', plan.householdId)) return false
      await claimDoorPlate(tx, village._id, plan.householdId, fields.doorPlate)
      await tx.add(
        'households',
        newHousehold(plan.householdId, village, village.householdCount ?? 0, { ...fields, members: plan.members })
      )
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
    await data(ctx).households.update(plan.householdId, {
      ...fields,
      plateOrder: doorPlateOrder(fields.doorPlate),
      members: _.set(plan.members)
    })
    counts.householdsChanged = 1
  }
  for (const p of plan.people.filter(x => x.state !== 'same')) {
    await setPerson(ctx, p.doc)
    if (p.state === 'add') counts.peopleAdded += 1
    else counts.peopleChanged += 1
  }
  return counts
}

const setPerson = (ctx: RouteCtx, person: PersonDoc) => data(ctx).people.set(person)

export const addCounts = (a: ImportCounts, b: ImportCounts): ImportCounts => ({
  householdsAdded: a.householdsAdded + b.householdsAdded,
  householdsChanged: a.householdsChanged + b.householdsChanged,
  householdsUnchanged: a.householdsUnchanged + b.householdsUnchanged,
  peopleAdded: a.peopleAdded + b.peopleAdded,
  peopleChanged: a.peopleChanged + b.peopleChanged
})

/**
 * Applies plans in parallel (bounded) and sums what was done. The people flagged 党员 of every household
 * now in the archive become party members of the village's default branch (once: see party-members.ts);
 * a household another import or registration took first is theirs, and its people are not enrolled here.
 */
export async function applyHouseholds(ctx: RouteCtx, village: PlaceDoc, plans: PlannedHousehold[]) {
  const done = await mapWithLimit(plans, WRITE_PARALLELISM, plan => applyHousehold(ctx, village, plan))
  const written = plans.filter((plan, i) => plan.state !== 'add' || done[i].householdsAdded === 1)
  const flagged = written.flatMap(plan =>
    plan.people.filter(p => p.doc.partyMember).map(p => ({ householdId: plan.householdId, name: p.doc.name }))
  )
  await enrolFlaggedPeople(ctx, village._id, flagged)
  return done.reduce(addCounts, zeroCounts())
}

/**
 * The village's counts follow the import: households and people in the archive (and every household's
 * copy of the household count, shown on the home card).
 */
export async function countIntoVillage(ctx: RouteCtx, villageId: string, counts: ImportCounts) {
  if (counts.householdsAdded === 0 && counts.peopleAdded === 0) return
  const _ = ctx.db.command
  await data(ctx).places.update(villageId, {
    householdCount: _.inc(counts.householdsAdded),
    peopleCount: _.inc(counts.peopleAdded)
  })
  if (counts.householdsAdded === 0) return
  const counted = await data(ctx).places.get(villageId)
  await data(ctx).households.updateWhere({ villageId }, { village: { householdCount: counted?.householdCount ?? 0 } })
}
