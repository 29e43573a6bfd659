import { AppError } from '../../../core/contract/errors'
import type { OrgRatingDoc, PartyOrgDoc } from '../../shared/data/party-documents'
import type { Route, RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { toOrgStarsView } from './party-town'

/** The village's party organisation and the stars the town gave it, for everyone of the village. */

function villageOf(ctx: RouteCtx): string {
  const grant =
    grantOf(ctx.identity, 'villager') ??
    grantOf(ctx.identity, 'cadre') ??
    grantOf(ctx.identity, 'gridWorker') ??
    grantOf(ctx.identity, 'partyMember') ??
    grantOf(ctx.identity, 'branchSecretary') ??
    grantOf(ctx.identity, 'partyClerk')
  if (!grant) throw new AppError('FORBIDDEN')
  return grant.villageId
}

export const village: Route<'partyOrg.village'> = {
  access: { who: 'roles', roles: ['villager', 'cadre', 'gridWorker', 'partyMember', 'branchSecretary', 'partyClerk'] },
  scope: 'own',
  async handle(_input, ctx) {
    const villageId = villageOf(ctx)
    const [orgs, ratings] = await Promise.all([
      ctx.db.collection('partyOrgs').where({ villageId }).limit(50).get() as unknown as Promise<{
        data: PartyOrgDoc[]
      }>,
      ctx.db
        .collection('orgRatings')
        .where({ villageId })
        .orderBy('year', 'desc')
        .limit(10)
        .get() as unknown as Promise<{
        data: OrgRatingDoc[]
      }>
    ])
    const now = ctx.now()
    return {
      orgs: orgs.data
        .filter(o => o.parentId === null)
        .map(o => {
          const rating = ratings.data.find(r => r.orgId === o._id)
          return {
            orgId: o._id,
            name: o.name,
            kind: o.kind,
            stars: rating ? toOrgStarsView(rating, o.kind, now) : null,
            branches: orgs.data.filter(b => b.parentId === o._id).map(b => b.name)
          }
        })
    }
  }
}
