import { doorPlateOrder } from '../../../core/domain/door-plate'
import { AppError, ERRORS } from '../../../core/contract/errors'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import { getDoc } from '../identity'
import type { EntryDoc, GrantDoc, HouseholdDoc, JoinCodeDoc, PlaceDoc } from '../model/documents'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { toEntryView, toHouseholdSummary } from '../model/views'
import { childPlaces } from '../places'
import type { Handler } from '../router'
import { cadreVillage } from '../scope'
import { hashId, isDuplicate } from '../ids'
import { transact, transactionGet } from '../ledger'
import { claimDoorPlate, DoorPlateDoc, doorPlateKey } from '../register/door-plates'

/** A cadre finds households of their village and opens one. */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const search: Handler<'cadre.households'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ query, page, pageSize }, ctx) {
    const villageId = cadreVillage(ctx)
    const _ = ctx.db.command
    const pattern = query ? ctx.db.RegExp({ regexp: escapeRegExp(query), options: 'i' }) : null
    const where = pattern ? _.and([{ villageId }, _.or([{ doorPlate: pattern }, { head: pattern }])]) : { villageId }
    const [res, places] = await Promise.all([
      ctx.db
        .collection('households')
        .where(where)
        .orderBy('plateOrder', 'asc')
        .skip((page - 1) * pageSize)
        .limit(pageSize + 1)
        .get() as unknown as Promise<{ data: HouseholdDoc[] }>,
      childPlaces(ctx, [villageId])
    ])
    const names = new Map(places.map(p => [p._id, p.name]))
    const month = periodKeys(ctx.now()).month
    return {
      households: res.data.slice(0, pageSize).map(h => toHouseholdSummary(h, month, names.get(h.groupId) ?? '')),
      page,
      hasMore: res.data.length > pageSize,
      places: places.map(p => ({ id: p._id, name: p.name, kind: p.kind }))
    }
  }
}

export const detail: Handler<'cadre.household'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ householdId }, ctx) {
    const villageId = cadreVillage(ctx)
    const [household, entries, grants, codes, places] = await Promise.all([
      getDoc<HouseholdDoc>(ctx, 'households', householdId),
      ctx.db.collection('entries').where({ householdId }).orderBy('at', 'desc').limit(20).get() as unknown as Promise<{
        data: EntryDoc[]
      }>,
      ctx.db.collection('grants').where({ householdId }).limit(20).get() as unknown as Promise<{ data: GrantDoc[] }>,
      ctx.db.collection('joinCodes').where({ householdId }).limit(20).get() as unknown as Promise<{
        data: JoinCodeDoc[]
      }>,
      childPlaces(ctx, [villageId])
    ])
    // the reads ran in parallel; nothing of another village's household leaves this function
    if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
    if (household.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    const now = ctx.now()
    return {
      summary: toHouseholdSummary(
        household,
        periodKeys(now).month,
        places.find(p => p._id === household.groupId)?.name ?? ''
      ),
      groupId: household.groupId,
      gridId: household.gridId,
      places: places.map(p => ({ id: p._id, name: p.name, kind: p.kind })),
      members: household.members,
      stars: starLevel(household.earned, household.village.starThresholds),
      entries: entries.data.map(toEntryView),
      bindings: grants.data.map(g => ({ openid: g.openid, name: g.name, at: g.at })),
      joinCodes: codes.data
        .filter(c => !c.revoked && c.expiresAt > now)
        .map(c => ({ code: c._id, householdId: c.householdId, expiresAt: c.expiresAt, revoked: c.revoked }))
    }
  }
}

/**
 * A new household of the cadre's village, or a change to one's door plate, head, group, grid and
 * members. Its points are the ledger's: nothing here touches them. A new household starts at zero and
 * the village's household count (shown on every home card) goes up by one.
 */
export const save: Handler<'household.save'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, householdId, ...fields }, ctx) {
    const villageId = cadreVillage(ctx)
    const _ = ctx.db.command
    const [village, places, samePlate, existing] = await Promise.all([
      getDoc<PlaceDoc>(ctx, 'places', villageId),
      childPlaces(ctx, [villageId]),
      ctx.db
        .collection('households')
        .where({ villageId, doorPlate: fields.doorPlate })
        .limit(2)
        .get() as unknown as Promise<{ data: HouseholdDoc[] }>,
      householdId ? getDoc<HouseholdDoc>(ctx, 'households', householdId) : null
    ])
    if (!village) throw new AppError('NOT_FOUND')
    if (householdId && !existing) throw new AppError('NOT_FOUND', '没有找到这一户')
    if (existing && existing.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    const kindOf = (id: string) => places.find(p => p._id === id)?.kind
    if (kindOf(fields.groupId) !== 'group' || kindOf(fields.gridId) !== 'grid')
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（村民小组或网格不对）`)
    const id = householdId ?? hashId('h-', 20, ctx.openid, requestId)
    if (samePlate.data.some(h => h._id !== id)) throw new AppError('DOOR_PLATE_TAKEN')
    await checkText(ctx, fields.doorPlate, fields.head, ...fields.members.map(m => m.name))

    if (existing) {
      await transact(ctx, async t => {
        await claimDoorPlate(t, villageId, id, fields.doorPlate, existing.doorPlate)
        await t
          .collection('households')
          .doc(id)
          .update({ data: { ...fields, plateOrder: doorPlateOrder(fields.doorPlate), members: _.set(fields.members) } })
      })
    } else {
      const count = (village.householdCount ?? 0) + 1
      const doc: HouseholdDoc = {
        _id: id,
        villageId,
        townId: village.parentId ?? '',
        ...fields,
        plateOrder: doorPlateOrder(fields.doorPlate),
        village: {
          name: village.name,
          starThresholds: village.starThresholds ?? [],
          householdCount: count,
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
      // the plate's key document and the household in one transaction: one household per plate
      const created = await transact(ctx, async t => {
        if (await transactionGet<HouseholdDoc>(t, 'households', id)) return false // a retry of this request
        await claimDoorPlate(t, villageId, id, fields.doorPlate)
        await t.collection('households').add({ data: doc })
        return true
      }).catch(async e => {
        if (!isDuplicate(e)) throw e
        // another registration of this plate committed between our read and our add
        const holder = await getDoc<DoorPlateDoc>(ctx, 'doorPlates', doorPlateKey(villageId, fields.doorPlate))
        if (holder?.householdId === id) return false
        throw new AppError('DOOR_PLATE_TAKEN')
      })
      if (!created) return { householdId: id }
      await ctx.db
        .collection('places')
        .doc(villageId)
        .update({ data: { householdCount: _.inc(1) } })
      const counted = await getDoc<PlaceDoc>(ctx, 'places', villageId)
      await ctx.db
        .collection('households')
        .where({ villageId })
        .update({ data: { village: { householdCount: counted?.householdCount ?? count } } })
    }
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        villageId,
        'household.save',
        fields.doorPlate,
        existing && { doorPlate: existing.doorPlate, head: existing.head, members: existing.members.length },
        { doorPlate: fields.doorPlate, head: fields.head, members: fields.members.length }
      )
    )
    return { householdId: id }
  }
}
