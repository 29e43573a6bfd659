import { AppError } from '../../../core/contract/errors'
import type { BankOffer, ConsentView, PointsSummary } from '../../../core/contract/participation'
import { CONSENT_SCOPE, consentState, DAY_MS, estimateRate } from '../../../core/domain/credit'
import { SCORE_KINDS } from '../../../core/domain/ledger'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import { getDoc } from '../services/participation-kit'
import { hashId } from '../services/participation-kit'
import { transact } from '../services/participation-kit'
import type { EntryDoc, HouseholdDoc } from '../../shared/data/documents'
import type { ConsentDoc, CreditViewDoc, OrganisationDoc } from '../../shared/data/participation-documents'
import { toEntryView } from '../../shared/data/views'
import { data } from '../../shared/data/store'
import type { Route as Handler, RouteCtx } from '../router/route'
import { actorName, grantOf, myHousehold } from '../services/participation-kit'
import { servingMyVillage, staffOrganisation, toOrganisationView } from './organisations'

/**
 * Points for credit (积分贷). The head of a household consents, separately and explicitly, to one
 * named bank seeing the household's points summary for a stated purpose and period (PIPL art. 23);
 * the consent can be revoked at any time and expires by itself. Every read by the bank's staff checks
 * the consent document by its known id (`cs-<household>-<bank>`) against the clock, and records the
 * view for the household to see (谁看过我家积分).
 */

const PAGE = 20
const ENTRIES_MAX = 200
const YEAR_MS = 365 * DAY_MS

const consentIdOf = (householdId: string, bankId: string) => `cs-${householdId}-${bankId}`

const toConsentView = (c: ConsentDoc, nowMs: number): ConsentView => ({
  bankId: c.bankId,
  bankName: c.bankName,
  purpose: c.purpose,
  scope: c.scope,
  grantedAt: c.grantedAt,
  expiresAt: c.expiresAt,
  revokedAt: c.revokedAt,
  state: consentState(c, nowMs),
  grantedByName: c.grantedByName
})

/** The caller's household, which only its head may consent for (the name on the household record). */
async function headsHousehold(ctx: RouteCtx): Promise<HouseholdDoc> {
  const { householdId } = myHousehold(ctx)
  const household = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
  if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
  if (!ctx.identity.user || ctx.identity.user.name !== household.head) throw new AppError('NOT_HEAD')
  return household
}

/** The bank staff's bank. */
function myBank(ctx: RouteCtx): string {
  if (!grantOf(ctx, 'bankStaff')) throw new AppError('FORBIDDEN')
  return staffOrganisation(ctx)
}

export const banks: Handler<'credit.banks'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  async handle(_input, ctx) {
    const { householdId } = myHousehold(ctx)
    const [organisations, household] = await Promise.all([
      servingMyVillage(ctx),
      getDoc<HouseholdDoc>(ctx, 'households', householdId)
    ])
    const bankList = organisations.filter(o => o.kind === 'bank')
    const _ = ctx.db.command
    const consents = bankList.length
      ? ((await ctx.db
          .collection('consents')
          .where({ _id: _.in(bankList.map(b => consentIdOf(householdId, b._id))) })
          .limit(bankList.length)
          .get()) as unknown as { data: ConsentDoc[] })
      : { data: [] }
    const byBank = new Map(consents.data.map(c => [c.bankId, c]))
    return {
      isHead: !!household && ctx.identity.user?.name === household.head,
      banks: bankList.map((b): BankOffer => ({
        bankId: b._id,
        bankName: b.name,
        ratePolicy: b.ratePolicy,
        estimate: b.ratePolicy && household ? estimateRate(b.ratePolicy, household.earned) : null,
        consent: byBank.has(b._id) ? toConsentView(byBank.get(b._id)!, ctx.now()) : null
      }))
    }
  }
}

export const consent: Handler<'credit.consent'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  audit: { none: 'the household’s own consent; its document keeps the history' },
  async handle({ bankId, purpose, days }, ctx) {
    const household = await headsHousehold(ctx)
    const bank = (await servingMyVillage(ctx)).find(o => o._id === bankId && o.kind === 'bank')
    if (!bank) throw new AppError('NOT_A_BANK')
    const at = ctx.now()
    const id = consentIdOf(household._id, bankId)
    const doc = await transact(ctx, async t => {
      const earlier = await t.get('consents', id)
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
        expiresAt: at + days * DAY_MS,
        revokedAt: null,
        grantedBy: ctx.openid,
        grantedByName: actorName(ctx),
        history: [
          ...(earlier?.history ?? []),
          { action: 'grant', at, byName: actorName(ctx), purpose, expiresAt: at + days * DAY_MS }
        ]
      }
      await t.set('consents', next)
      return next
    })
    return toConsentView(doc, at)
  }
}

export const revoke: Handler<'credit.revoke'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  audit: { none: 'the household’s own consent; its document keeps the history' },
  async handle({ bankId }, ctx) {
    const household = await headsHousehold(ctx)
    const id = consentIdOf(household._id, bankId)
    const at = ctx.now()
    const doc = await transact(ctx, async t => {
      const c = await t.get('consents', id)
      if (!c) throw new AppError('NOT_FOUND', '没有给这家银行授权过')
      if (c.revokedAt !== null) return c
      const history = [
        ...c.history,
        { action: 'revoke' as const, at, byName: actorName(ctx), purpose: c.purpose, expiresAt: c.expiresAt }
      ]
      await t.update('consents', id, { revokedAt: at, history: ctx.db.command.set(history) })
      return { ...c, revokedAt: at, history }
    })
    return toConsentView(doc, at)
  }
}

export const mine: Handler<'credit.mine'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  async handle({ page }, ctx) {
    const { householdId } = myHousehold(ctx)
    const [consents, views] = (await Promise.all([
      ctx.db.collection('consents').where({ householdId }).limit(50).get(),
      ctx.db
        .collection('creditViews')
        .where({ householdId })
        .orderBy('at', 'desc')
        .skip((page - 1) * PAGE)
        .limit(PAGE + 1)
        .get()
    ])) as unknown as [{ data: ConsentDoc[] }, { data: CreditViewDoc[] }]
    return {
      consents: consents.data.map(c => toConsentView(c, ctx.now())),
      views: views.data
        .slice(0, PAGE)
        .map(v => ({ bankName: v.bankName, staffName: v.staffName, at: v.at, purpose: v.purpose })),
      page,
      hasMore: views.data.length > PAGE
    }
  }
}

export const households: Handler<'credit.households'> = {
  access: { who: 'roles', roles: ['bankStaff'] },
  scope: 'own',
  async handle({ page }, ctx) {
    const bankId = myBank(ctx)
    const _ = ctx.db.command
    const res = (await ctx.db
      .collection('consents')
      .where({ bankId, revokedAt: null, expiresAt: _.gt(ctx.now()) })
      .orderBy('expiresAt', 'asc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: ConsentDoc[] }
    return {
      households: res.data.slice(0, PAGE).map(c => ({
        householdId: c.householdId,
        doorPlate: c.doorPlate,
        head: c.head,
        villageName: c.villageName,
        expiresAt: c.expiresAt,
        purpose: c.purpose
      })),
      page,
      hasMore: res.data.length > PAGE
    }
  }
}

export const summary: Handler<'credit.summary'> = {
  access: { who: 'roles', roles: ['bankStaff'] },
  scope: 'own',
  async handle({ householdId }, ctx) {
    const bankId = myBank(ctx)
    const at = ctx.now()
    const [c, bank] = await Promise.all([
      getDoc<ConsentDoc>(ctx, 'consents', consentIdOf(householdId, bankId)),
      getDoc<OrganisationDoc>(ctx, 'organisations', bankId)
    ])
    if (!c || consentState(c, at) !== 'inForce') throw new AppError('NO_CONSENT')
    // the view is recorded before anything is shown: no look at the points goes unrecorded
    const view: CreditViewDoc = {
      _id: hashId('cv', 24, ctx.openid, householdId, String(at), String(Math.random())),
      householdId,
      bankId,
      bankName: c.bankName,
      staff: ctx.openid,
      staffName: actorName(ctx),
      purpose: c.purpose,
      at
    }
    await data(ctx).creditViews.add(view)
    const household = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
    if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
    const [above, lastYear, entries] = await Promise.all([
      ctx.db
        .collection('households')
        .where({ villageId: household.villageId, earned: ctx.db.command.gt(household.earned) })
        .count() as unknown as Promise<{ total: number }>,
      scoredIn(ctx, householdId, String(Number(periodKeys(at).year) - 1)),
      ctx.db
        .collection('entries')
        .where({ householdId, at: ctx.db.command.gte(at - YEAR_MS) })
        .orderBy('at', 'desc')
        .limit(ENTRIES_MAX)
        .get() as unknown as Promise<{ data: EntryDoc[] }>
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
      rankInVillage: above.total + 1,
      householdsInVillage: household.village.householdCount,
      entries: entries.data.map(toEntryView),
      at,
      consent: toConsentView(c, at),
      estimate: bank?.ratePolicy ? estimateRate(bank.ratePolicy, household.earned) : null
    }
    return result
  }
}

/** The points a household scored in a year: one aggregation over its entries of that year. */
async function scoredIn(ctx: RouteCtx, householdId: string, year: string): Promise<number> {
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('entries')
    .aggregate()
    .match({ householdId, year, kind: _.in([...SCORE_KINDS]) })
    .group({ _id: null, points: ctx.db.command.aggregate.sum('$points') })
    .end()) as unknown as { list: { points: number }[] }
  return res.list[0]?.points ?? 0
}

export const setPolicy: Handler<'credit.setPolicy'> = {
  access: { who: 'roles', roles: ['bankStaff'] },
  scope: 'own',
  audit: { none: 'the bank’s own setting' },
  async handle({ baseRatePct, cutPer100Pct, maxCutPct }, ctx) {
    const bankId = myBank(ctx)
    const bank = await getDoc<OrganisationDoc>(ctx, 'organisations', bankId)
    if (!bank) throw new AppError('NOT_FOUND', '没有找到这家银行')
    if (maxCutPct > baseRatePct) throw new AppError('INVALID_INPUT', '最多优惠不能超过基准利率')
    const ratePolicy = { baseRatePct, cutPer100Pct, maxCutPct }
    await ctx.db
      .collection('organisations')
      .doc(bankId)
      .update({ data: { ratePolicy: ctx.db.command.set(ratePolicy) } })
    return toOrganisationView(ctx, { ...bank, ratePolicy })
  }
}
