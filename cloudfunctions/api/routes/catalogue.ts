import { AppError, ERRORS } from '../../../core/contract/errors'
import type { TemplateView } from '../../../core/contract/views'
import { COUNTY_ID } from '../../../core/domain/roles'
import { RuleTerms, termsProblem } from '../../../core/domain/rules'
import { getDoc } from '../identity'
import { transact, transactionGet } from '../ledger'
import type { PlaceDoc, RuleDoc, TemplateDoc } from '../model/documents'
import { toRuleView } from '../model/views'
import { placesById } from '../places'
import type { Handler, RouteCtx } from '../router'
import { cadreVillage, grantOf } from '../scope'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { hashId } from '../ids'

/**
 * The rule catalogue (积分细则): county and town templates, which a village adopts and then adjusts,
 * and the village's star thresholds. Editing or retiring a rule bumps its version; entries keep the
 * snapshot they were scored by, so history never changes.
 */

function checkTerms(terms: RuleTerms) {
  const problem = termsProblem(terms)
  if (problem) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（${problem}）`)
}

async function villageRules(ctx: RouteCtx, villageId: string): Promise<RuleDoc[]> {
  const res = (await ctx.db.collection('rules').where({ villageId }).limit(200).get()) as unknown as { data: RuleDoc[] }
  return res.data.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || a.category.localeCompare(b.category, 'zh') || a._id.localeCompare(b._id)
  )
}

/** The templates a place may see: the county's and its town's. */
/** `editableOwners`: the places whose templates the caller may change (their own town or county) */
async function templatesFor(ctx: RouteCtx, ownerIds: string[], editableOwners: string[] = []): Promise<TemplateView[]> {
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('templates')
    .where({ ownerId: _.in(ownerIds) })
    .limit(100)
    .get()) as unknown as { data: TemplateDoc[] }
  const owners = await placesById(
    ctx,
    res.data.map(t => t.ownerId)
  )
  return res.data.map(t => ({
    id: t._id,
    ownerId: t.ownerId,
    ownerName: owners.get(t.ownerId)?.name ?? '',
    name: t.name,
    items: t.items,
    editable: editableOwners.includes(t.ownerId)
  }))
}

async function townOfVillage(ctx: RouteCtx, villageId: string): Promise<PlaceDoc> {
  const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
  if (!village) throw new AppError('NOT_FOUND')
  return village
}

export const list: Handler<'rules.list'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle(_input, ctx) {
    const villageId = cadreVillage(ctx)
    const [rules, village] = await Promise.all([villageRules(ctx, villageId), townOfVillage(ctx, villageId)])
    const templates = await templatesFor(ctx, [COUNTY_ID, village.parentId ?? ''])
    return { rules: rules.map(toRuleView), starThresholds: village.starThresholds ?? [], templates }
  }
}

export const save: Handler<'rules.save'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, ruleId, terms }, ctx) {
    const villageId = cadreVillage(ctx)
    checkTerms(terms)
    if (!ruleId) {
      const doc: RuleDoc = {
        _id: hashId('r', 20, villageId, ctx.openid, requestId),
        villageId,
        ...terms,
        active: true,
        version: 1,
        source: null,
        updatedAt: ctx.now()
      }
      await ctx.db.collection('rules').add({ data: doc })
      await recordAudit(ctx, auditIdFor(ctx, requestId), auditOf(ctx, villageId, 'rules.save', doc._id, null, terms))
      return toRuleView(doc)
    }
    const { before, after } = await transact(ctx, async t => {
      const rule = await transactionGet<RuleDoc>(t, 'rules', ruleId)
      if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
      if (rule.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
      const next: RuleDoc = { ...rule, ...terms, version: rule.version + 1, updatedAt: ctx.now() }
      const { _id, ...fields } = next
      await t.collection('rules').doc(ruleId).set({ data: fields })
      return { before: rule, after: next }
    })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'rules.save', ruleId, toRuleView(before), toRuleView(after))
    )
    return toRuleView(after)
  }
}

export const retire: Handler<'rules.retire'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, ruleId }, ctx) {
    const villageId = cadreVillage(ctx)
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'rules.retire', ruleId, { active: true }, { active: false })
    )
    return transact(ctx, async t => {
      const rule = await transactionGet<RuleDoc>(t, 'rules', ruleId)
      if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
      if (rule.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
      if (!rule.active) return toRuleView(rule)
      await t
        .collection('rules')
        .doc(ruleId)
        .update({ data: { active: false, version: rule.version + 1, updatedAt: ctx.now() } })
      return toRuleView({ ...rule, active: false, version: rule.version + 1 })
    })
  }
}

export const adoptTemplate: Handler<'rules.adoptTemplate'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, templateId }, ctx) {
    const villageId = cadreVillage(ctx)
    const [template, village, existing] = await Promise.all([
      getDoc<TemplateDoc>(ctx, 'templates', templateId),
      townOfVillage(ctx, villageId),
      villageRules(ctx, villageId)
    ])
    if (!template) throw new AppError('NOT_FOUND', '没有找到这个模板')
    if (template.ownerId !== COUNTY_ID && template.ownerId !== village.parentId) throw new AppError('FORBIDDEN')
    const adopted = new Set(existing.map(r => r.source))
    const fresh = template.items.filter(item => !adopted.has(`${template._id}/${item.key}`))
    const docs: RuleDoc[] = fresh.map(({ key, ...terms }) => ({
      _id: `r-${villageId}-${template._id}-${key}`,
      villageId,
      ...terms,
      active: true,
      version: 1,
      source: `${template._id}/${key}`,
      updatedAt: ctx.now()
    }))
    // one add per rule: a retry that meets rules it already added skips them
    await Promise.all(
      docs.map(doc =>
        (ctx.db.collection('rules').add({ data: doc }) as Promise<unknown>).catch((e: any) => {
          if (!/duplicate/i.test(String(e?.errMsg ?? e?.message))) throw e
        })
      )
    )
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'rules.adoptTemplate', templateId, null, { added: docs.map(d => d.title) })
    )
    return { added: docs.length, kept: template.items.length - docs.length }
  }
}

export const setStars: Handler<'village.setStars'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, thresholds }, ctx) {
    const villageId = cadreVillage(ctx)
    if (thresholds.some((t, i) => i > 0 && t <= thresholds[i - 1])) {
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（星级分数要从低到高）`)
    }
    const _ = ctx.db.command
    const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
    await ctx.db
      .collection('places')
      .doc(villageId)
      .update({ data: { starThresholds: _.set(thresholds) } })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'village.setStars', villageId, village?.starThresholds, thresholds)
    )
    // the home card reads the village's facts from the household: copy them in one update
    await ctx.db
      .collection('households')
      .where({ villageId })
      .update({ data: { village: { starThresholds: _.set(thresholds) } } })
    return { thresholds }
  }
}

export const listTemplates: Handler<'templates.list'> = {
  access: { who: 'roles', roles: ['townAdmin', 'countyAdmin', 'cadre'] },
  async handle(_input, ctx) {
    const town = grantOf(ctx, 'townAdmin')
    const cadre = grantOf(ctx, 'cadre')
    const owners = [COUNTY_ID]
    if (town) owners.push(town.townId)
    if (cadre) owners.push((await townOfVillage(ctx, cadre.villageId)).parentId ?? '')
    if (grantOf(ctx, 'countyAdmin')) {
      const towns = (await ctx.db
        .collection('places')
        .where({ parentId: COUNTY_ID, kind: 'town' })
        .limit(200)
        .get()) as unknown as { data: PlaceDoc[] }
      owners.push(...towns.data.map(t => t._id))
    }
    const editable = [town?.townId, grantOf(ctx, 'countyAdmin') ? COUNTY_ID : ''].filter((o): o is string => !!o)
    return { templates: await templatesFor(ctx, [...new Set(owners)], editable) }
  }
}

export const saveTemplate: Handler<'templates.save'> = {
  access: { who: 'roles', roles: ['townAdmin', 'countyAdmin'] },
  async handle({ requestId, templateId, name, items }, ctx) {
    items.forEach(checkTerms)
    if (new Set(items.map(i => i.key)).size !== items.length)
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（条目编号重复）`)
    const mine = [grantOf(ctx, 'townAdmin')?.townId, grantOf(ctx, 'countyAdmin') ? COUNTY_ID : undefined].filter(
      (x): x is string => !!x
    )
    const id = templateId ?? hashId('t', 20, ctx.openid, requestId)
    const existing = templateId ? await getDoc<TemplateDoc>(ctx, 'templates', templateId) : null
    if (templateId && !existing) throw new AppError('NOT_FOUND', '没有找到这个模板')
    const ownerId = existing?.ownerId ?? mine[0]
    if (!mine.includes(ownerId)) throw new AppError('FORBIDDEN')
    const doc: TemplateDoc = { _id: id, ownerId, name, items, updatedAt: ctx.now(), by: ctx.openid }
    const { _id, ...fields } = doc
    await ctx.db.collection('templates').doc(id).set({ data: fields })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        ownerId,
        'templates.save',
        id,
        existing ? { name: existing.name, items: existing.items.length } : null,
        { name, items: items.length }
      )
    )
    const owner = await getDoc<PlaceDoc>(ctx, 'places', ownerId)
    return { id, ownerId, ownerName: owner?.name ?? '', name, items, editable: true }
  }
}
