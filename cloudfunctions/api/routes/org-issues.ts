import { AppError } from '../../../core/contract/errors'
import { ISSUE_CATEGORIES_OF } from '../../../core/domain/organisations'
import { canMoveIssue, IssueState } from '../../../core/domain/workflow'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { getDoc } from '../identity'
import { transact, transactionGet } from '../ledger'
import type { IssueDoc, PlaceDoc } from '../model/documents'
import type { OrganisationDoc } from '../model/participation-documents'
import { tellIssueReplied } from '../notify'
import type { Handler, RouteCtx } from '../router'
import { actorName, cadreVillage } from '../scope'
import { serves, staffOrganisation } from './organisations'
import { toIssueView } from './village-issues'

/**
 * Villagers' issues (村民说事) handed over to an organisation of their kind: a cadre of the village
 * hands one to an organisation serving the village whose kind takes the issue's category; its staff
 * see it, reply and answer; the village's cadres keep seeing and acting on it as before.
 */

const PAGE = 20

export const toOrganisation: Handler<'issue.toOrganisation'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, issueId, organisationId }, ctx) {
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
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'issue.toOrganisation', after.category, null, { organisation: o.name })
    )
    return toIssueView(after, ctx.now())
  }
}

export const issues: Handler<'org.issues'> = {
  access: { who: 'roles', roles: ['orgStaff', 'bankStaff'] },
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
    const i = await transactionGet<IssueDoc>(t, 'issues', issueId)
    if (!i) throw new AppError('NOT_FOUND', '没有找到这件事')
    const { to, patch } = decide(i)
    if (to !== i.state && !canMoveIssue(i.state, to)) throw new AppError('STATE_CHANGED')
    await t
      .collection('issues')
      .doc(issueId)
      .update({ data: { ...patch, state: to } })
    return { ...i, ...patch, state: to }
  })
}
