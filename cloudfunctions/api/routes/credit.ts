import { randomUUID } from 'node:crypto'
import { AppError } from '../../../core/contract/errors'
import type { BankOffer, PointsSummary } from '../../../core/contract/participation'
import { CONSENT_SCOPE, consentState, DAY_MS, estimateRate } from '../../../core/domain/credit'
import { SCORE_KINDS } from '../../../core/domain/ledger'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import type { HouseholdDoc } from '../../shared/data/documents'
import type { ConsentDoc, CreditViewDoc } from '../../shared/data/participation-documents'
import { toEntryView } from '../../shared/data/views'
import { toConsentView } from '../../shared/data/participation-views'
import { headUserOf } from '../services/household-head'
import { statementProof } from '../services/statement-proof'
import { organisationView, servingVillage } from '../services/organisations'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'

/**
 * Points for credit (积分贷). The head of a household consents, separately and explicitly, to one
 * named bank seeing the household's points summary for a stated purpose and period (PIPL art. 23);
 * the consent can be revoked at any time and expires by itself. Every read by the bank's staff checks
 * the consent document by its known id (`cs-<household>-<bank>`) against the clock, and records the
 * view for the household to see (谁看过我家积分).
 */

const CONSENTS_MAX = 50
const ENTRIES_MAX = 200
const YEAR_MS = 365 * DAY_MS

const consentIdOf = (householdId: string, bankId: string) => `cs-${householdId}-${bankId}`

/** Whether the caller is the household's head: its bound user recognised as 户主 (services/household-head.ts). */
const isHead = async (ctx: RouteCtx, household: HouseholdDoc) => (await headUserOf(ctx, household)) === ctx.openid

/** The caller's household, which only its head may consent for. */
async function headsHousehold(ctx: RouteCtx<'household'>): Promise<HouseholdDoc> {
  const household = await data(ctx).households.get(ctx.scope.householdId)
  if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
  if (!(await isHead(ctx, household))) throw new AppError('NOT_HEAD')
  return household
}

/** The points a household scored in a year: one aggregation over its entries of that year. */
async function scoredIn(ctx: RouteCtx, householdId: string, year: string): Promise<number> {
  const _ = ctx.db.command
  const rows = await data(ctx).entries.aggregate<{ points: number }>(pipeline =>
    pipeline
      .match({ householdId, year, kind: _.in([...SCORE_KINDS]) })
      .group({ _id: null, points: _.aggregate.sum('$points') })
  )
  return rows[0]?.points ?? 0
}

/** A bank's look at a household's points, recorded before anything is shown. */
async function recordView(ctx: RouteCtx, c: ConsentDoc, at: number): Promise<void> {
  const view: CreditViewDoc = {
    // every look is its own record, a retry of the look too
    _id: idFor('creditView', ctx.openid, c.householdId, String(at), randomUUID()),
    householdId: c.householdId,
    bankId: c.bankId,
    bankName: c.bankName,
    staff: ctx.openid,
    staffName: actorName(ctx),
    purpose: c.purpose,
    at
  }
  await data(ctx).creditViews.add(view)
}

export const creditRoutes = {
  'credit.banks': {
    access: roles('villager'),
    scope: 'household',
    async handle(_input, ctx) {
      const { householdId, villageId } = ctx.scope
      const [organisations, household] = await Promise.all([
        servingVillage(ctx, villageId),
        data(ctx).households.get(householdId)
      ])
      const bankList = organisations.filter(o => o.kind === 'bank')
      const consents = await data(ctx).consents.getMany(bankList.map(b => consentIdOf(householdId, b._id)))
      return {
        isHead: !!household && (await isHead(ctx, household)),
        banks: bankList.map((b): BankOffer => {
          const c = consents.get(consentIdOf(householdId, b._id))
          return {
            bankId: b._id,
            bankName: b.name,
            ratePolicy: b.ratePolicy,
            estimate: b.ratePolicy && household ? estimateRate(b.ratePolicy, household.earned) : null,
            consent: c ? toConsentView(c, ctx.now()) : null
          }
        })
      }
    }
  },

  'credit.consent': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the household’s own consent; its document keeps the history' },
    async handle({ bankId, purpose, days }, ctx) {
      const [household, organisations] = await Promise.all([
        headsHousehold(ctx),
        servingVillage(ctx, ctx.scope.villageId)
      ])
      const bank = organisations.find(o => o._id === bankId && o.kind === 'bank')
      if (!bank) throw new AppError('NOT_A_BANK')
      const at = ctx.now()
      const expiresAt = at + days * DAY_MS
      const id = consentIdOf(household._id, bankId)
      const doc = await transact(ctx, async tx => {
        const earlier = await tx.get('consents', id)
        const next: ConsentDoc = {
          _id: id,
          householdId: household._id,
          villageId: household.villageId,
          doorPlate: household.doorPlate,
          head: household.head,
          villageName: household.village.name,
          bankId,
          bankName: bank.name,
          purpose,
          scope: [...CONSENT_SCOPE],
          grantedAt: at,
          expiresAt,
          revokedAt: null,
          grantedBy: ctx.openid,
          grantedByName: actorName(ctx),
          history: [...(earlier?.history ?? []), { action: 'grant', at, byName: actorName(ctx), purpose, expiresAt }]
        }
        await tx.set('consents', next)
        return next
      })
      return toConsentView(doc, at)
    }
  },

  'credit.revoke': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the household’s own consent; its document keeps the history' },
    async handle({ bankId }, ctx) {
      const household = await headsHousehold(ctx)
      const id = consentIdOf(household._id, bankId)
      const at = ctx.now()
      const doc = await transact(ctx, async tx => {
        const c = await tx.get('consents', id)
        if (!c) throw new AppError('NOT_FOUND', '没有给这家银行授权过')
        if (c.revokedAt !== null) return c
        const history = [
          ...c.history,
          { action: 'revoke' as const, at, byName: actorName(ctx), purpose: c.purpose, expiresAt: c.expiresAt }
        ]
        await tx.update('consents', id, { revokedAt: at, history: ctx.db.command.set(history) })
        return { ...c, revokedAt: at, history }
      })
      return toConsentView(doc, at)
    }
  },

  'credit.mine': {
    access: roles('villager'),
    scope: 'household',
    // the views are paged; the consents (one per bank) come whole on every page
    paging: { size: 20 },
    async handle(_input, ctx) {
      const { householdId } = ctx.scope
      const [consents, views] = await Promise.all([
        data(ctx).consents.find({ householdId }, { limit: CONSENTS_MAX }),
        data(ctx).creditViews.page({ householdId }, [['at', 'desc']], ctx.paging)
      ])
      return {
        consents: consents.map(c => toConsentView(c, ctx.now())),
        views: views.rows.map(v => ({ bankName: v.bankName, staffName: v.staffName, at: v.at, purpose: v.purpose })),
        page: views.page,
        hasMore: views.hasMore
      }
    }
  },

  'credit.households': {
    access: roles('bankStaff'),
    scope: 'organisation',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const found = await data(ctx).consents.page(
        { bankId: ctx.scope.organisationId, revokedAt: null, expiresAt: ctx.db.command.gt(ctx.now()) },
        [['expiresAt', 'asc']],
        ctx.paging
      )
      return {
        households: found.rows.map(c => ({
          householdId: c.householdId,
          doorPlate: c.doorPlate,
          head: c.head,
          villageName: c.villageName,
          expiresAt: c.expiresAt,
          purpose: c.purpose
        })),
        page: found.page,
        hasMore: found.hasMore
      }
    }
  },

  'credit.summary': {
    access: roles('bankStaff'),
    scope: 'organisation',
    async handle({ householdId }, ctx) {
      const bankId = ctx.scope.organisationId
      const at = ctx.now()
      const [c, bank] = await Promise.all([
        data(ctx).consents.get(consentIdOf(householdId, bankId)),
        data(ctx).organisations.get(bankId)
      ])
      if (!c || consentState(c, at) !== 'inForce') throw new AppError('NO_CONSENT')
      // the view is recorded before anything is shown: no look at the points goes unrecorded
      await recordView(ctx, c, at)
      const household = await data(ctx).households.get(householdId)
      if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
      const [above, lastYear, entries] = await Promise.all([
        data(ctx).households.count({ villageId: household.villageId, earned: ctx.db.command.gt(household.earned) }),
        scoredIn(ctx, householdId, String(Number(periodKeys(at).year) - 1)),
        data(ctx).entries.find(
          { householdId, at: ctx.db.command.gte(at - YEAR_MS) },
          { orderBy: [['at', 'desc']], limit: ENTRIES_MAX }
        )
      ])
      const result: PointsSummary = {
        householdId,
        doorPlate: household.doorPlate,
        head: household.head,
        villageName: household.village.name,
        balance: household.balance,
        earned: household.earned,
        thisYear: household.yearKey === periodKeys(at).year ? household.yearPoints : 0,
        lastYear,
        stars: starLevel(household.earned, household.village.starThresholds),
        rankInVillage: above + 1,
        householdsInVillage: household.village.householdCount,
        entries: entries.map(toEntryView),
        at,
        consent: toConsentView(c, at),
        estimate: bank?.ratePolicy ? estimateRate(bank.ratePolicy, household.earned) : null,
        proof: await statementProof(ctx, entries)
      }
      return result
    }
  },

  'credit.setPolicy': {
    access: roles('bankStaff'),
    scope: 'organisation',
    audit: { none: 'the bank’s own setting' },
    async handle({ baseRatePct, cutPer100Pct, maxCutPct }, ctx) {
      const bankId = ctx.scope.organisationId
      const bank = await data(ctx).organisations.get(bankId)
      if (!bank) throw new AppError('NOT_FOUND', '没有找到这家银行')
      if (maxCutPct > baseRatePct) throw new AppError('INVALID_INPUT', '最多优惠不能超过基准利率')
      const ratePolicy = { baseRatePct, cutPer100Pct, maxCutPct }
      await data(ctx).organisations.update(bankId, { ratePolicy: ctx.db.command.set(ratePolicy) })
      return organisationView(ctx, { ...bank, ratePolicy })
    }
  }
} satisfies Partial<Routes>
