import { createHash } from 'node:crypto'
import { AppError } from '../../../core/contract/errors'
import { COUNTY_ID } from '../../../core/domain/roles'
import type { JoinCodeView } from '../../../core/contract/views'
import { getDoc } from '../identity'
import { giveRole, grantId, takeRole } from '../grants'
import type { GrantDoc, HouseholdDoc, JoinCodeDoc } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { cadreVillage } from '../scope'
import { auditIdFor, auditOf, recordAudit } from '../audit'

/** A cadre issues a household's join code; a villager binds to the household with it. */

const DAY = 24 * 60 * 60 * 1000
/** no 0/O, 1/I: the code is read aloud and typed by elderly villagers */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** 8 characters (32^8 ≈ 10^12 codes) fixed by the request: a retried issue returns the same code. */
function codeFor(openid: string, requestId: string, householdId: string): string {
  const bytes = createHash('sha256').update(`join\n${openid}\n${requestId}\n${householdId}`).digest()
  return Array.from(bytes.subarray(0, 8), b => ALPHABET[b % 32]).join('')
}

const toView = (c: JoinCodeDoc): JoinCodeView => ({
  code: c._id,
  householdId: c.householdId,
  expiresAt: c.expiresAt,
  revoked: c.revoked
})

async function householdOfMyVillage(ctx: RouteCtx, householdId: string) {
  const household = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
  if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
  if (household.villageId !== cadreVillage(ctx)) throw new AppError('OTHER_VILLAGE')
  return household
}

export const issue: Handler<'joinCode.issue'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, householdId, days }, ctx) {
    const household = await householdOfMyVillage(ctx, householdId)
    const doc: JoinCodeDoc = {
      _id: codeFor(ctx.openid, requestId, householdId),
      householdId,
      villageId: household.villageId,
      expiresAt: ctx.now() + days * DAY,
      revoked: false,
      by: ctx.openid,
      at: ctx.now()
    }
    try {
      await ctx.db.collection('joinCodes').add({ data: doc })
      await recordAudit(
        ctx,
        auditIdFor(ctx, requestId),
        auditOf(ctx, household.villageId, 'joinCode.issue', householdId, null, {
          code: doc._id,
          expiresAt: doc.expiresAt
        })
      )
      return toView(doc)
    } catch (e) {
      const earlier = await getDoc<JoinCodeDoc>(ctx, 'joinCodes', doc._id)
      if (earlier?.householdId === householdId) return toView(earlier)
      throw e
    }
  }
}

export const revoke: Handler<'joinCode.revoke'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, code }, ctx) {
    const doc = await getDoc<JoinCodeDoc>(ctx, 'joinCodes', code)
    if (!doc) throw new AppError('NOT_FOUND', '没有这个入户码')
    if (doc.villageId !== cadreVillage(ctx)) throw new AppError('OTHER_VILLAGE')
    await ctx.db
      .collection('joinCodes')
      .doc(code)
      .update({ data: { revoked: true } })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, doc.villageId, 'joinCode.revoke', doc.householdId, { code }, { revoked: true })
    )
    return toView({ ...doc, revoked: true })
  }
}

export const bind: Handler<'join.bind'> = {
  access: { who: 'anyone' },
  async handle({ code, name }, ctx) {
    if (ctx.identity.roles.some(r => r.role === 'villager')) throw new AppError('ALREADY_BOUND')
    const joinCode = await getDoc<JoinCodeDoc>(ctx, 'joinCodes', code)
    if (!joinCode || joinCode.revoked || joinCode.expiresAt <= ctx.now()) throw new AppError('CODE_INVALID')
    const household = await getDoc<HouseholdDoc>(ctx, 'households', joinCode.householdId)
    if (!household) throw new AppError('CODE_INVALID')
    await giveRole(
      ctx,
      { openid: ctx.openid, name },
      { role: 'villager', householdId: household._id, villageId: household.villageId },
      { countyId: COUNTY_ID, townId: household.townId, villageId: household.villageId, householdId: household._id },
      joinCode.by,
      true
    )
    return { householdId: household._id, doorPlate: household.doorPlate, villageName: household.village.name }
  }
}

export const removeBinding: Handler<'binding.remove'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, householdId, openid }, ctx) {
    const household = await householdOfMyVillage(ctx, householdId)
    const grant = await getDoc<GrantDoc>(ctx, 'grants', grantId(openid, 'villager'))
    if (!grant || grant.householdId !== householdId) return { removed: false }
    const removed = await takeRole(ctx, openid, 'villager')
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, household.villageId, 'binding.remove', householdId, { openid, name: grant.name }, null)
    )
    return { removed }
  }
}
