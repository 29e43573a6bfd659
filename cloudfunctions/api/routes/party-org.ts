import { data } from '../../shared/data/store'
import type { Route } from '../router/route'
import { toOrgStarsView } from '../../shared/data/party-views'

/** The village's party organisation and the stars the town gave it, for everyone of the village. */

const ORGS_PER_VILLAGE_MAX = 50
const RATINGS_SHOWN = 10

export const village: Route<'partyOrg.village'> = {
  access: { who: 'roles', roles: ['villager', 'cadre', 'gridWorker', 'partyMember', 'branchSecretary', 'partyClerk'] },
  scope: 'village',
  async handle(_input, ctx) {
    const { villageId } = ctx.scope
    const [orgs, ratings] = await Promise.all([
      data(ctx).partyOrgs.find({ villageId }, { limit: ORGS_PER_VILLAGE_MAX }),
      data(ctx).orgRatings.find({ villageId }, { orderBy: [['year', 'desc']], limit: RATINGS_SHOWN })
    ])
    const now = ctx.now()
    return {
      orgs: orgs
        .filter(o => o.parentId === null)
        .map(o => {
          const rating = ratings.find(r => r.orgId === o._id)
          return {
            orgId: o._id,
            name: o.name,
            kind: o.kind,
            stars: rating ? toOrgStarsView(rating, o.kind, now) : null,
            branches: orgs.filter(b => b.parentId === o._id).map(b => b.name)
          }
        })
    }
  }
}
