import { AppError } from '../../../core/contract/errors'
import type { HouseholdCode } from '../../../core/contract/views'
import { starLevel } from '../../../core/domain/stars'
import { getDoc } from '../identity'
import type { HouseholdDoc, OrderDoc } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { cadreVillage, grantOf, myVillage } from '../scope'
import { toOrderView } from './shop'

/**
 * 一户一码: each household's code opens `pages/household/index` with the scene `h=<household id>`.
 * The code only names the household: whoever scans it sees what their own role allows, checked here
 * (a cadre of the village may act on it; anyone else of the village sees its public card).
 */
const CODE_PAGE = 'pages/household/index'
const sceneOf = (householdId: string) => `h=${householdId}`

export const publicCard: Handler<'household.public'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  async handle({ householdId }, ctx) {
    const household = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
    if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
    const canAct = grantOf(ctx, 'cadre')?.villageId === household.villageId
    if (!canAct && myVillage(ctx) !== household.villageId) throw new AppError('OTHER_VILLAGE')
    const open = canAct
      ? (
          (await ctx.db
            .collection('orders')
            .where({ householdId, state: 'ordered' })
            .orderBy('at', 'desc')
            .limit(20)
            .get()) as unknown as { data: OrderDoc[] }
        ).data
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
}

/**
 * New codes one call makes at most, and the time after which it starts no other. Each is a WeChat
 * request and an upload (~0.3–1 s in the cloud, more on a busy machine), so a call stays far inside the
 * function's time limit (3 s by default in the cloud) whatever the sheet's size: it always makes one,
 * then more only while within the budget. The households still without a code come back as `pending`
 * and the page asks again for them.
 */
export const NEW_CODES_PER_CALL_MAX = 3
const NEW_CODES_BUDGET_MS = 1_500

/** The codes of some households of the cadre's village, for printing one per door; each is made once and kept. */
export const codes: Handler<'household.codes'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ householdIds }, ctx) {
    const villageId = cadreVillage(ctx)
    const _ = ctx.db.command
    const ids = [...new Set(householdIds)]
    const res = (await ctx.db
      .collection('households')
      .where({ _id: _.in(ids) })
      .limit(ids.length)
      .get()) as unknown as { data: HouseholdDoc[] }
    if (res.data.some(h => h.villageId !== villageId)) throw new AppError('OTHER_VILLAGE')
    const fileOf = new Map(res.data.filter(h => h.codeFile).map(h => [h._id, h.codeFile!]))
    const toMake = res.data.filter(h => !h.codeFile).slice(0, NEW_CODES_PER_CALL_MAX)
    const startedAtMs = Date.now()
    for (const [i, h] of toMake.entries()) {
      // the first always, so that every call moves on; the next only while well within the time limit
      if (i > 0 && Date.now() - startedAtMs > NEW_CODES_BUDGET_MS) break
      fileOf.set(h._id, await makeCode(ctx, h))
    }
    const urls = fileOf.size
      ? ((await ctx.storage.getTempFileURL({ fileList: [...fileOf.values()] })) as unknown as {
          fileList: { fileID: string; tempFileURL: string }[]
        })
      : { fileList: [] }
    const urlOf = new Map(urls.fileList.map(f => [f.fileID, f.tempFileURL]))
    const byId = new Map(res.data.map(h => [h._id, h]))
    const found = ids.filter(id => byId.has(id))
    return {
      codes: found
        .filter(id => fileOf.has(id))
        .map((id): HouseholdCode => {
          const { doorPlate, head } = byId.get(id)!
          const fileID = fileOf.get(id)!
          return { householdId: id, doorPlate, head, fileID, url: urlOf.get(fileID) ?? '' }
        }),
      pending: found.filter(id => !fileOf.has(id))
    }
  }
}

async function makeCode(ctx: RouteCtx, h: HouseholdDoc): Promise<string> {
  const image = await ctx.openapi.getUnlimitedCode({ scene: sceneOf(h._id), page: CODE_PAGE })
  const uploaded = await ctx.storage.uploadFile({
    cloudPath: `household-codes/${h._id}.png`,
    fileContent: image.buffer
  })
  await ctx.db
    .collection('households')
    .doc(h._id)
    .update({ data: { codeFile: uploaded.fileID } })
  return uploaded.fileID
}
