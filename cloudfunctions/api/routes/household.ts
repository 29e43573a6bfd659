import { headAfterRenaming, headNameOf } from '../services/household-head'
import { doorPlateOrder } from '../../../core/domain/door-plate'
import { AppError, ERRORS } from '../../../core/contract/errors'
import type { HouseholdCode } from '../../../core/contract/views'
import { starLevel } from '../../../core/domain/stars'
import type { HouseholdDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { isDuplicate } from '../../shared/data/db-errors'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import { temporaryUrls } from '../../shared/data/storage'
import { toOrderView } from '../../shared/data/views'
import { grantOf } from '../router/scope'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { newHousehold, withRegisterFacts } from '../services/households'
import { childPlaces } from '../services/places'
import { claimDoorPlate, doorPlateKey } from '../services/register/door-plates'

/**
 * A household as a whole: a cadre registers or edits one; 一户一码, the household's code, opens
 * `pages/household/index` with the scene `h=<household id>`. The code only names the household:
 * whoever scans it sees what their own role allows, checked here (a cadre of the village may act on
 * it; anyone else of the village sees its public card).
 */
const CODE_PAGE = 'pages/household/index'
const sceneOf = (householdId: string) => `h=${householdId}`
/**
 * New codes one call makes at most, and the time after which it starts no other. Each is a WeChat
 * request and an upload (~0.3–1 s in the cloud, more on a busy machine), so a call stays far inside the
 * function's time limit (3 s by default in the cloud) whatever the sheet's size: it always makes one,
 * then more only while within the budget.
 */
export const NEW_CODES_PER_CALL_MAX = 3
const NEW_CODES_BUDGET_MS = 1_500
const OPEN_ORDERS_SHOWN = 20

async function makeCode(ctx: RouteCtx, h: HouseholdDoc): Promise<string> {
  const image = await ctx.openapi.getUnlimitedCode({ scene: sceneOf(h._id), page: CODE_PAGE })
  const uploaded = await ctx.storage.uploadFile({
    cloudPath: `household-codes/${h._id}.png`,
    fileContent: image.buffer
  })
  await data(ctx).households.update(h._id, { codeFile: uploaded.fileID })
  return uploaded.fileID
}

export const householdRoutes = {
  /**
   * A new household of the cadre's village, or a change to one's door plate, head, group, grid and
   * members. Its points are the ledger's: nothing here touches them. A new household starts at zero
   * and the village's household count (shown on every home card) goes up by one.
   */
  'household.save': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'household.save',
    async handle({ requestId, householdId, ...fields }, ctx) {
      const { villageId } = ctx.scope
      const store = data(ctx)
      const _ = ctx.db.command
      const [village, places, samePlate, existing] = await Promise.all([
        store.places.get(villageId),
        childPlaces(ctx, [villageId]),
        store.households.find({ villageId, doorPlate: fields.doorPlate }, { limit: 2 }),
        householdId ? store.households.get(householdId) : null
      ])
      if (!village) throw new AppError('NOT_FOUND')
      if (householdId && !existing) throw new AppError('NOT_FOUND', '没有找到这一户')
      if (existing) ctx.scope.check(existing)
      const kindOf = (id: string) => places.find(p => p._id === id)?.kind
      if (kindOf(fields.groupId) !== 'group' || kindOf(fields.gridId) !== 'grid')
        throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（村民小组或网格不对）`)
      const id = householdId ?? idFor('household', ctx.openid, requestId)
      if (samePlate.some(h => h._id !== id)) throw new AppError('DOOR_PLATE_TAKEN')
      await checkText(ctx, fields.doorPlate, fields.head, ...fields.members.map(m => m.name))

      if (existing) {
        // a new name as 户主: which bound user is the head is decided again (services/household-head.ts)
        const headChanged = headNameOf(existing) !== headNameOf(fields)
        const users = headChanged ? await store.users.getMany(existing.boundUsers ?? []) : null
        await transact(ctx, async tx => {
          await claimDoorPlate(tx, villageId, id, fields.doorPlate, existing.doorPlate)
          // read again in the transaction: a head marked by hand, or a register import, at the same moment is kept
          const current = (await tx.get('households', id)) ?? existing
          const head = users ? { headUser: headAfterRenaming(current, fields, users) } : {}
          await tx.update('households', id, {
            ...fields,
            plateOrder: doorPlateOrder(fields.doorPlate),
            members: _.set(withRegisterFacts(fields.members, current.members)),
            ...head
          })
        })
      } else {
        const count = (village.householdCount ?? 0) + 1
        // the plate's key document and the household in one transaction: one household per plate
        const created = await transact(ctx, async tx => {
          if (await tx.get('households', id)) return false // a retry of this request
          await claimDoorPlate(tx, villageId, id, fields.doorPlate)
          await tx.add('households', newHousehold(id, village, count, fields))
          return true
        }).catch(async e => {
          if (!isDuplicate(e)) throw e
          // another registration of this plate committed between our read and our add
          const holder = await store.doorPlates.get(doorPlateKey(villageId, fields.doorPlate))
          if (holder?.householdId === id) return false
          throw new AppError('DOOR_PLATE_TAKEN')
        })
        if (!created) return { householdId: id }
        await store.places.update(villageId, { householdCount: _.inc(1) })
        const counted = await store.places.get(villageId)
        await store.households.updateWhere(
          { villageId },
          { village: { householdCount: counted?.householdCount ?? count } }
        )
      }
      ctx.audit.record({
        target: fields.doorPlate,
        before: existing && { doorPlate: existing.doorPlate, head: existing.head, members: existing.members.length },
        after: { doorPlate: fields.doorPlate, head: fields.head, members: fields.members.length }
      })
      return { householdId: id }
    }
  },

  'household.public': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    async handle({ householdId }, ctx) {
      const household = await data(ctx).households.get(householdId)
      if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
      const canAct = grantOf(ctx.identity, 'cadre')?.villageId === household.villageId
      if (!canAct) ctx.scope.check(household)
      const open = canAct
        ? await data(ctx).orders.find(
            { householdId, state: 'ordered' },
            { orderBy: [['at', 'desc']], limit: OPEN_ORDERS_SHOWN }
          )
        : []
      return {
        householdId,
        doorPlate: household.doorPlate,
        head: household.head,
        villageName: household.village.name,
        earned: household.earned,
        stars: starLevel(household.earned, household.village.starThresholds),
        canAct,
        balance: canAct ? household.balance : null,
        openOrders: open.map(toOrderView)
      }
    }
  },

  /**
   * The codes of some households of the cadre's village, for printing one per door; each is made once
   * and kept. A call makes at most a few new ones (see NEW_CODES_PER_CALL_MAX); the rest come back as
   * `pending` and the page asks again for them.
   */
  'household.codes': {
    access: roles('cadre'),
    scope: 'village',
    async handle({ householdIds }, ctx) {
      const ids = [...new Set(householdIds)]
      const found = await data(ctx).households.getMany(ids)
      found.forEach(h => ctx.scope.check(h))
      const households = [...found.values()]
      const fileOf = new Map(households.filter(h => h.codeFile).map(h => [h._id, h.codeFile!]))
      const toMake = households.filter(h => !h.codeFile).slice(0, NEW_CODES_PER_CALL_MAX)
      const startedAtMs = Date.now()
      for (const [i, h] of toMake.entries()) {
        // the first always, so that every call moves on; the next only while well within the time limit
        if (i > 0 && Date.now() - startedAtMs > NEW_CODES_BUDGET_MS) break
        fileOf.set(h._id, await makeCode(ctx, h))
      }
      const urlOf = await temporaryUrls(ctx, [...fileOf.values()])
      const known = ids.filter(id => found.has(id))
      return {
        codes: known
          .filter(id => fileOf.has(id))
          .map((id): HouseholdCode => {
            const { doorPlate, head } = found.get(id)!
            const fileID = fileOf.get(id)!
            return { householdId: id, doorPlate, head, fileID, url: urlOf.get(fileID) ?? '' }
          }),
        pending: known.filter(id => !fileOf.has(id))
      }
    }
  }
} satisfies Partial<Routes>
