import { AppError } from '../../../core/contract/errors'
import { COUNTY_ID } from '../../../core/domain/roles'
import type { RuleDoc } from '../../shared/data/documents'
import { idFor, settledIds } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import { toRuleView } from '../../shared/data/views'
import { roles, Routes } from '../router/route'
import { checkTerms, templatesFor, villagePlace, villageRules } from '../services/catalogue'

/**
 * A village's rule catalogue (积分细则): adopted from the county's and town's templates and then
 * adjusted. Editing or retiring a rule bumps its version; entries keep the snapshot they were scored
 * by, so history never changes.
 */
export const rulesRoutes = {
  'rules.list': {
    access: roles('cadre'),
    scope: 'village',
    paging: { max: 200 },
    async handle(_input, ctx) {
      const { villageId } = ctx.scope
      const [rules, village] = await Promise.all([villageRules(ctx, villageId), villagePlace(ctx, villageId)])
      const templates = await templatesFor(ctx, [COUNTY_ID, village.parentId ?? ''])
      return { rules: rules.map(toRuleView), starThresholds: village.starThresholds ?? [], templates }
    }
  },

  'rules.save': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'rules.save',
    async handle({ requestId, ruleId, terms }, ctx) {
      const { villageId } = ctx.scope
      checkTerms(terms)
      if (!ruleId) {
        const doc: RuleDoc = {
          _id: idFor('rule', villageId, ctx.openid, requestId),
          villageId,
          ...terms,
          active: true,
          version: 1,
          source: null,
          updatedAt: ctx.now()
        }
        await data(ctx).rules.add(doc)
        ctx.audit.record({ target: terms.title, before: null, after: terms })
        return toRuleView(doc)
      }
      const after = await transact(ctx, async tx => {
        const rule = await tx.get('rules', ruleId)
        if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
        ctx.scope.check(rule)
        const next: RuleDoc = { ...rule, ...terms, version: rule.version + 1, updatedAt: ctx.now() }
        await tx.set('rules', next)
        await ctx.audit.inTransaction(tx, { target: rule.title, before: toRuleView(rule), after: toRuleView(next) })
        return next
      })
      return toRuleView(after)
    }
  },

  'rules.retire': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'rules.retire',
    handle: ({ ruleId }, ctx) =>
      transact(ctx, async tx => {
        const rule = await tx.get('rules', ruleId)
        if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
        ctx.scope.check(rule)
        if (!rule.active) return toRuleView(rule)
        await tx.update('rules', ruleId, { active: false, version: rule.version + 1, updatedAt: ctx.now() })
        await ctx.audit.inTransaction(tx, { target: rule.title, before: { active: true }, after: { active: false } })
        return toRuleView({ ...rule, active: false, version: rule.version + 1 })
      })
  },

  'rules.adoptTemplate': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'rules.adoptTemplate',
    async handle({ templateId }, ctx) {
      const { villageId } = ctx.scope
      const [template, village, existing] = await Promise.all([
        data(ctx).templates.get(templateId),
        villagePlace(ctx, villageId),
        villageRules(ctx, villageId)
      ])
      if (!template) throw new AppError('NOT_FOUND', '没有找到这个模板')
      if (template.ownerId !== COUNTY_ID && template.ownerId !== village.parentId) throw new AppError('FORBIDDEN')
      const adopted = new Set(existing.map(r => r.source))
      const fresh = template.items.filter(item => !adopted.has(`${template._id}/${item.key}`))
      const docs: RuleDoc[] = fresh.map(({ key, ...terms }) => ({
        _id: settledIds.adoptedRule(villageId, template._id, key),
        villageId,
        ...terms,
        active: true,
        version: 1,
        source: `${template._id}/${key}`,
        updatedAt: ctx.now()
      }))
      // one add per rule: a retry that meets rules it already added skips them
      await Promise.all(docs.map(doc => data(ctx).rules.add(doc)))
      ctx.audit.record({ target: template.name, before: null, after: { added: docs.map(d => d.title) } })
      return { added: docs.length, kept: template.items.length - docs.length }
    }
  }
} satisfies Partial<Routes>
