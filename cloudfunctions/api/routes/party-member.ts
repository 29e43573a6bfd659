import { AppError } from '../../../core/contract/errors'
import { periodKeys } from '../../../core/domain/period'
import { COUNTY_ID } from '../../../core/domain/roles'
import { giveRole } from '../services/grants'
import { transact } from '../../shared/data/transaction'
import { toEntryView } from '../../shared/data/views'
import { branchDoc, myMember, rulesOfBranch, settingsFor } from '../services/party'
import { toClaimView, toMemberStars, toPartyRuleView, toQuarterView } from '../../shared/data/party-views'
import type { Route } from '../router/route'
import { data } from '../../shared/data/store'

/** A party member's own view (my points, items, star, rules, claims) and binding with the branch's code. */

const ENTRIES_SHOWN = 100
const CLAIMS_SHOWN = 20
/** the annual ratings shown: this year's and a few before */
const SHEETS_SHOWN = 5

export const home: Route<'partyMember.home'> = {
  access: { who: 'roles', roles: ['partyMember'] },
  scope: 'branch',
  async handle(_input, ctx) {
    const member = await myMember(ctx)
    const now = ctx.now()
    const keys = periodKeys(now)
    const yearPoints = member.yearKey === keys.year ? member.yearPoints : 0
    const _ = ctx.db.command
    const store = data(ctx)
    const { branchId } = member
    const newest = { orderBy: [['at', 'desc']] } as const
    const [branch, settings, entries, rules, claims, ahead, size, sheets, postings] = await Promise.all([
      branchDoc(ctx, branchId),
      settingsFor(ctx, member.townId),
      store.memberEntries.find({ memberId: member._id, year: keys.year }, { ...newest, limit: ENTRIES_SHOWN }),
      rulesOfBranch(ctx, branchId),
      store.partyClaims.find({ memberId: member._id }, { ...newest, limit: CLAIMS_SHOWN }),
      store.partyMembers.count({ branchId, active: true, yearKey: keys.year, yearPoints: _.gt(yearPoints) }),
      store.partyMembers.count({ branchId, active: true }),
      store.ratingSheets.find({ branchId }, { orderBy: [['year', 'desc']], limit: SHEETS_SHOWN }),
      store.partyPostings.find({ branchId }, { ...newest, limit: 1 })
    ])
    const open = postings.find(p => p.state === 'posted' && p.until > now) ?? null
    return {
      memberId: member._id,
      name: member.name,
      branchName: branch.name,
      category: member.category,
      exempt: member.exempt,
      year: keys.year,
      yearPoints,
      quarterPoints: member.quarterKey === keys.quarter ? member.quarterPoints : 0,
      baseScore: settings.baseScore,
      runningTotal: Math.min(settings.scaleMax, Math.max(0, settings.baseScore + yearPoints)),
      placeInBranch: ahead + 1,
      membersInBranch: size,
      stars: sheets.flatMap(s => toMemberStars(s, member._id, now)),
      entries: entries.map(toEntryView),
      rules: rules.filter(r => r.active && r.categories.includes(member.category)).map(toPartyRuleView),
      claims: claims.map(toClaimView),
      settings,
      openPosting: open ? toQuarterView(open, branch.name, now) : null
    }
  }
}

export const bind: Route<'partyMember.bind'> = {
  audit: 'partyMember.bind',
  access: { who: 'anyone' },
  scope: 'own',
  async handle({ code }, ctx) {
    const found = await data(ctx).memberCodes.get(code)
    if (!found || found.expiresAt <= ctx.now()) throw new AppError('BIND_CODE_INVALID')
    const member = await data(ctx).partyMembers.get(found.memberId)
    if (!member || !member.active) throw new AppError('BIND_CODE_INVALID')
    if (member.openid && member.openid !== ctx.openid)
      throw new AppError('BIND_CODE_INVALID', '这名党员已经绑定了别的微信')
    const branch = await branchDoc(ctx, member.branchId)
    await transact(ctx, async t => {
      const fresh = await t.get('partyMembers', member._id)
      if (fresh?.openid && fresh.openid !== ctx.openid) throw new AppError('BIND_CODE_INVALID')
      await t.update('partyMembers', member._id, { openid: ctx.openid })
    })
    await giveRole(
      ctx,
      { openid: ctx.openid, name: member.name },
      { role: 'partyMember', memberId: member._id, branchId: member.branchId, villageId: member.villageId },
      { countyId: COUNTY_ID, townId: member.townId, villageId: member.villageId, householdId: null },
      ctx.openid
    )
    ctx.audit.record({ placeId: member.villageId, target: member._id, before: null, after: { openid: ctx.openid } })
    return { memberId: member._id, name: member.name, branchName: branch.name }
  }
}
