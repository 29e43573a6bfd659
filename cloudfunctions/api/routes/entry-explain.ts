import { AppError } from '../../../core/contract/errors'
import type { EntryExplained } from '../../../core/contract/trust-routes'
import { fromHex, inclusionProof, toHex } from '../../../core/domain/merkle'
import { dayOf } from '../../../core/domain/seal'
import type { EntryDoc, ObjectionDoc, PostingDoc, SealDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { temporaryUrls } from '../../shared/data/storage'
import { roles, RouteCtx, Routes } from '../router/route'
import { grantOf } from '../router/scope'
import { leafHex, sealIdOf } from '../../shared/seals'

/**
 * One entry explained (一条积分的来龙去脉): the rule as scored, who and when, photos, note, where it
 * came from, its posting and objections, corrections both ways, and its inclusion proof in the
 * day's seal. Villagers see their own household's entries and those their village posts; cadres
 * their village's. All reads are by id or one small indexed query, in two parallel rounds.
 */
export const entryRoutes = {
  'entry.explain': {
    access: roles('villager', 'cadre'),
    // the caller's village; which of its entries they may read is decided from the entry itself (mayRead)
    scope: 'village',
    async handle({ entryId }, ctx) {
      const store = data(ctx)
      const entry = await store.entries.get(entryId)
      // party members' entries are explained by the party pages; this page is about households
      if (!entry || !entry.account.startsWith('household:')) throw new AppError('NOT_FOUND', '没有找到这条积分记录')
      const [household, posting, seal, correction, corrected, objections, origin] = await Promise.all([
        store.households.get(entry.householdId),
        store.postings.get(entry._id),
        store.seals.get(sealIdOf(entry.villageId, dayOf(entry.at))),
        store.entries.get(`fix-${entry._id}`),
        entry.correctsId ? store.entries.get(entry.correctsId) : null,
        objectionsOf(ctx, entry),
        originOf(ctx, entry)
      ])
      mayRead(ctx, entry, posting)
      const evidence = await photoLinks(ctx, entry.evidence)
      const result: EntryExplained = {
        id: entry._id,
        kind: entry.kind,
        points: entry.points,
        at: entry.at,
        byName: entry.byName,
        note: entry.note,
        evidence,
        household: { id: entry.householdId, doorPlate: household?.doorPlate ?? '', head: household?.head ?? '' },
        rule: entry.rule
          ? {
              title: entry.rule.title,
              category: entry.rule.category,
              version: entry.rule.version,
              min: entry.rule.points.min,
              max: entry.rule.points.max,
              cap: entry.rule.cap
            }
          : null,
        origin,
        posting: posting ? { until: posting.until, state: posting.state } : null,
        objections: objections.map(o => ({
          byName: o.byName,
          reason: o.reason,
          state: o.state,
          reply: o.reply,
          at: o.at
        })),
        correctedBy: correction
          ? {
              id: correction._id,
              points: correction.points,
              note: correction.note,
              at: correction.at,
              byName: correction.byName
            }
          : null,
        corrects: corrected
          ? {
              id: corrected._id,
              title: corrected.rule?.title ?? corrected.note,
              points: corrected.points,
              at: corrected.at
            }
          : null,
        proof: seal ? proofOf(seal, entry) : null
      }
      return result
    }
  }
} satisfies Partial<Routes>

/** Their own household's entries, or what their village posts; a cadre: their village's. */
function mayRead(ctx: RouteCtx<'village'>, entry: EntryDoc, posting: PostingDoc | null) {
  if (grantOf(ctx.identity, 'cadre')?.villageId === entry.villageId) return
  const villager = grantOf(ctx.identity, 'villager')
  if (villager?.householdId === entry.householdId) return
  if (villager?.villageId === entry.villageId && posting) return
  ctx.scope.check(entry)
  throw new AppError('FORBIDDEN')
}

function proofOf(seal: SealDoc, entry: EntryDoc): EntryExplained['proof'] {
  const index = seal.leaves.findIndex(l => l.id === entry._id)
  if (index < 0) return null
  const leaves = seal.leaves.map(l => fromHex(l.hash))
  return {
    day: seal.day,
    size: seal.size,
    index,
    root: seal.root,
    headHash: seal.headHash,
    sealedAt: seal.sealedAt,
    leafHash: seal.leaves[index].hash,
    path: inclusionProof(leaves, index).map(toHex),
    matchesSeal: leafHex(entry) === seal.leaves[index].hash
  }
}

async function objectionsOf(ctx: RouteCtx, entry: EntryDoc): Promise<ObjectionDoc[]> {
  const found = await data(ctx).objections.find({ villageId: entry.villageId, entryId: entry._id }, { limit: 20 })
  return found.sort((a, b) => a.at - b.at)
}

/** A claim or proposal (the entry id names it), a batch (its audit record), a shop order, or a direct score. */
async function originOf(ctx: RouteCtx, entry: EntryDoc): Promise<EntryExplained['origin']> {
  if (entry._id.startsWith('ap-')) {
    const pending = await data(ctx).pending.get(entry._id.slice(3))
    if (pending)
      return {
        kind: pending.kind,
        id: pending._id,
        byName: pending.byName,
        description: pending.description,
        at: pending.at
      }
  }
  // a redemption's id is rd-<order>, its refund's rf-<order>
  if (entry._id.startsWith('rd-') || entry._id.startsWith('rf-')) {
    const order = await data(ctx).orders.get(entry._id.slice(3))
    if (order) return { kind: 'order', id: order._id, goodsName: order.goodsName, quantity: order.quantity }
  }
  const batch = await data(ctx).audit.get(`a-batch-${entry.requestKey}`)
  if (batch) return { kind: 'batch', households: ((batch.after as { appliedTo?: string[] })?.appliedTo ?? []).length }
  return { kind: 'direct' }
}

async function photoLinks(ctx: RouteCtx, fileIds: string[]): Promise<string[]> {
  const urlOf = await temporaryUrls(ctx, fileIds)
  return fileIds.map(f => urlOf.get(f) || f)
}
