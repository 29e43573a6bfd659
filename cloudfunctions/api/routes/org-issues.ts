import { AppError } from '../../../core/contract/errors'
import { ISSUE_CATEGORIES_OF } from '../../../core/domain/organisations'
import { canMoveIssue, IssueState } from '../../../core/domain/workflow'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import type { IssueDoc } from '../../shared/data/documents'
import { toIssueView } from '../../shared/data/views'
import { checkText } from '../services/content-check'
import { tellIssueReplied } from '../services/notify'
import { organisationServing } from '../services/organisations'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'

/**
 * Villagers' issues (村民说事) handed over to an organisation of their kind: a cadre of the village
 * hands one to an organisation serving the village whose kind takes the issue's category; its staff
 * see it, reply and answer; the village's cadres keep seeing and acting on it as before.
 */

/** One move of an issue in a transaction, checked against the state read inside it. */
function moveIssue(
  ctx: RouteCtx,
  issueId: string,
  decide: (i: IssueDoc) => { to: IssueState; patch: Partial<IssueDoc> }
): Promise<IssueDoc> {
  return transact(ctx, async tx => {
    const i = await tx.get('issues', issueId)
    if (!i) throw new AppError('NOT_FOUND', '没有找到这件事')
    const { to, patch } = decide(i)
    if (to !== i.state && !canMoveIssue(i.state, to)) throw new AppError('STATE_CHANGED')
    await tx.update('issues', issueId, { ...patch, state: to })
    return { ...i, ...patch, state: to }
  })
}

export const orgIssueRoutes = {
  'issue.toOrganisation': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'issue.toOrganisation',
    async handle({ issueId, organisationId }, ctx) {
      const o = await organisationServing(ctx, organisationId, ctx.scope.villageId)
      if (!o) throw new AppError('NOT_FOUND', '没有找到这个单位')
      const after = await moveIssue(ctx, issueId, i => {
        if (i.villageId !== ctx.scope.villageId) throw new AppError('FORBIDDEN', '只能办理本村的事')
        if (!ISSUE_CATEGORIES_OF[o.kind].includes(i.category)) throw new AppError('ORG_WRONG_KIND')
        if (i.state !== 'received' && i.state !== 'handling') throw new AppError('STATE_CHANGED')
        return { to: 'handling', patch: { organisationId, handler: { openid: `org:${o._id}`, name: o.name } } }
      })
      ctx.audit.record({ target: after.category, before: null, after: { organisation: o.name } })
      return toIssueView(after, ctx.now())
    }
  },

  'org.issues': {
    access: roles('orgStaff', 'bankStaff'),
    scope: 'organisation',
    paging: { size: 20 },
    async handle({ state }, ctx) {
      const found = await data(ctx).issues.page(
        {
          organisationId: ctx.scope.organisationId,
          state: state === 'open' ? ctx.db.command.in(['received', 'handling']) : state
        },
        [['at', 'asc']],
        ctx.paging
      )
      return { issues: found.rows.map(i => toIssueView(i, ctx.now())), page: found.page, hasMore: found.hasMore }
    }
  },

  'org.replyIssue': {
    access: roles('orgStaff', 'bankStaff'),
    scope: 'organisation',
    audit: { none: 'a reply, kept in the issue with who and when' },
    async handle({ issueId, text, answer }, ctx) {
      const { organisationId } = ctx.scope
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
} satisfies Partial<Routes>
