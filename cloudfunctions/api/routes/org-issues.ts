import { AppError } from '../../../core/contract/errors'
import { ISSUE_CATEGORIES_OF } from '../../../core/domain/organisations'
import { canMoveIssue, IssueState } from '../../../core/domain/workflow'
import { checkText } from '../services/content-check'
import { getDoc } from '../services/participation-kit'
import { transact } from '../services/participation-kit'
import type { IssueDoc, PlaceDoc } from '../../shared/data/documents'
import type { OrganisationDoc } from '../../shared/data/participation-documents'
import { tellIssueReplied } from '../services/notify'
import type { Route as Handler, RouteCtx } from '../router/route'
import { actorName, cadreVillage } from '../services/participation-kit'
import { serves, staffOrganisation } from './organisations'
import { toIssueView } from '../../shared/data/views'

/**
 * Villagers' issues (村民说事) handed over to an organisation of their kind: a cadre of the village
 * hands one to an organisation serving the village whose kind takes the issue's category; its staff
 * see it, reply and answer; the village's cadres keep seeing and acting on it as before.
 */

const PAGE = 20

export const toOrganisation: Handler<'issue.toOrganisation'> = {
  access: { who: 'roles', roles: ['cadre'] },
  scope: 'own',
  audit: 'issue.toOrganisation',
  async handle({ issueId, organisationId }, ctx) {
    const villageId = cadreVillage(ctx)
    const [o, village] = await Promise.all([
      getDoc<OrganisationDoc>(ctx, 'organisations', organisationId),
      getDoc<PlaceDoc>(ctx, 'places', villageId)
    ])
    if (!o || !serves(o, villageId, village?.parentId ?? null)) throw new AppError('NOT_FOUND', '没有找到这个单位')
    const after = await moveIssue(ctx, issueId, i => {
      if (i.villageId !== villageId) throw new AppError('FORBIDDEN', '只能办理本村的事')
      if (!ISSUE_CATEGORIES_OF[o.kind].includes(i.category)) throw new AppError('ORG_WRONG_KIND')
      if (i.state !== 'received' && i.state !== 'handling') throw new AppError('STATE_CHANGED')
      return { to: 'handling', patch: { organisationId, handler: { openid: `org:${o._id}`, name: o.name } } }
    })
    ctx.audit.record({ placeId: villageId, target: after.category, before: null, after: { organisation: o.name } })
    return toIssueView(after, ctx.now())
  }
}

export const issues: Handler<'org.issues'> = {
  access: { who: 'roles', roles: ['orgStaff', 'bankStaff'] },
  scope: 'own',
  async handle({ state, page }, ctx) {
    const _ = ctx.db.command
    const res = (await ctx.db
      .collection('issues')
      .where({
        organisationId: staffOrganisation(ctx),
        state: state === 'open' ? _.in(['received', 'handling']) : state
      })
      .orderBy('at', 'asc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: IssueDoc[] }
    return {
      issues: res.data.slice(0, PAGE).map(i => toIssueView(i, ctx.now())),
      page,
      hasMore: res.data.length > PAGE
    }
  }
}

export const replyIssue: Handler<'org.replyIssue'> = {
  access: { who: 'roles', roles: ['orgStaff', 'bankStaff'] },
  scope: 'own',
  audit: { none: 'a reply, kept in the issue with who and when' },
  async handle({ issueId, text, answer }, ctx) {
    const organisationId = staffOrganisation(ctx)
    await checkText(ctx, text)
    const after = await moveIssue(ctx, issueId, i => {
      if (i.organisationId !== organisationId) throw new AppError('NOT_FOUND', '没有找到这件事')
      if (i.state === 'closed' || (answer && i.state !== 'handling')) throw new AppError('STATE_CHANGED')
      const replies = [
        ...i.replies,
        { by: ctx.openid, byName: actorName(ctx), text, at: ctx.now(), fromVillager: false }
      ]
      return answer
        ? { to: 'answered', patch: { replies, answeredAt: ctx.now() } }
        : { to: i.state, patch: { replies } }
    })
    await tellIssueReplied(ctx, after.by, after.category, text, ctx.now())
    return toIssueView(after, ctx.now())
  }
}

/** One move of an issue in a transaction, checked against the state read inside it. */
function moveIssue(
  ctx: RouteCtx,
  issueId: string,
  decide: (i: IssueDoc) => { to: IssueState; patch: Partial<IssueDoc> }
): Promise<IssueDoc> {
  return transact(ctx, async t => {
    const i = await t.get('issues', issueId)
    if (!i) throw new AppError('NOT_FOUND', '没有找到这件事')
    const { to, patch } = decide(i)
    if (to !== i.state && !canMoveIssue(i.state, to)) throw new AppError('STATE_CHANGED')
    await t.update('issues', issueId, { ...patch, state: to })
    return { ...i, ...patch, state: to }
  })
}
