import { createHash } from 'node:crypto'
import { AppError } from '../../../core/contract/errors'
import { DAY_MS } from '../../../core/domain/workflow'
import type { JoinCodeDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { toJoinCodeView } from '../../shared/data/views'
import { roles, Routes } from '../router/route'

/** A cadre issues a household's join code (入户码), or revokes one. */

/** no 0/O, 1/I: the code is read aloud and typed by elderly villagers */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** 8 characters (32^8 ≈ 10^12 codes) fixed by the request: a retried issue returns the same code. */
function codeFor(openid: string, requestId: string, householdId: string): string {
  const bytes = createHash('sha256').update(`join\n${openid}\n${requestId}\n${householdId}`).digest()
  return Array.from(bytes.subarray(0, 8), b => ALPHABET[b % 32]).join('')
}

export const joinCodeRoutes = {
  'joinCode.issue': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'joinCode.issue',
    async handle({ requestId, householdId, days }, ctx) {
      const household = await data(ctx).households.get(householdId)
      if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
      ctx.scope.check(household)
      const doc: JoinCodeDoc = {
        _id: codeFor(ctx.openid, requestId, householdId),
        householdId,
        villageId: household.villageId,
        expiresAt: ctx.now() + days * DAY_MS,
        revoked: false,
        by: ctx.openid,
        at: ctx.now()
      }
      if (!(await data(ctx).joinCodes.add(doc))) {
        const earlier = await data(ctx).joinCodes.get(doc._id)
        if (earlier?.householdId !== householdId) throw new AppError('STATE_CHANGED')
        return toJoinCodeView(earlier)
      }
      ctx.audit.record({
        target: household.doorPlate,
        before: null,
        after: { code: doc._id, expiresAt: doc.expiresAt }
      })
      return toJoinCodeView(doc)
    }
  },

  'joinCode.revoke': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'joinCode.revoke',
    async handle({ code }, ctx) {
      const doc = await data(ctx).joinCodes.get(code)
      if (!doc) throw new AppError('NOT_FOUND', '没有这个入户码')
      ctx.scope.check(doc)
      await data(ctx).joinCodes.update(code, { revoked: true })
      ctx.audit.record({ target: doc.householdId, before: { code }, after: { revoked: true } })
      return toJoinCodeView({ ...doc, revoked: true })
    }
  }
} satisfies Partial<Routes>
