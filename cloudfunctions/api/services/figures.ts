import { FiguresDelta, monthSlot } from '../../../core/domain/figures'
import type { Ctx } from '../../shared/context'
import { data } from '../../shared/data/store'
import { emptyStats, statsIdOf } from '../../shared/village-figures'

/**
 * The villages' figures for the town and county overview, kept outside the ledger's transaction:
 * after an entry commits, one atomic `_.inc` on `villageStats/<village>:<year>`. Inside the
 * transaction every award of a village would conflict on that one document; `_.inc` outside it never
 * conflicts. A function that dies between the commit and the increment leaves the figure short until
 * the timer's hourly recount (shared/village-figures.ts) writes the exact figures: at most an hour.
 */
/** Adds entries' deltas to their villages' figures: one update per village and year. */
export async function addToFigures(ctx: Pick<Ctx, 'db' | 'log'>, deltas: FiguresDelta[]): Promise<void> {
  const byDoc = new Map<string, { villageId: string; townId: string; year: string; inc: Map<string, number> }>()
  for (const d of deltas) {
    const { year, slot } = monthSlot(d.month)
    const id = statsIdOf(d.villageId, year)
    const doc = byDoc.get(id) ?? { villageId: d.villageId, townId: d.townId, year, inc: new Map() }
    const add = (path: string, n: number) => n !== 0 && doc.inc.set(path, (doc.inc.get(path) ?? 0) + n)
    add(`${slot}.${d.kind}`, d.points)
    add(`${slot}.active`, d.newInMonth ? 1 : 0)
    add('activeYear', d.newInYear ? 1 : 0)
    byDoc.set(id, doc)
  }
  for (const [id, doc] of byDoc) {
    try {
      await incrementStats(ctx, id, doc)
    } catch (e) {
      // the entry stands; the hourly recount repairs the figure
      ctx.log.error('figures', { id, error: String((e as Error)?.message ?? e) })
    }
  }
}

async function incrementStats(
  ctx: Pick<Ctx, 'db'>,
  id: string,
  doc: { villageId: string; townId: string; year: string; inc: Map<string, number> }
) {
  if (doc.inc.size === 0) return
  const _ = ctx.db.command
  const months: Record<string, Record<string, unknown>> = {}
  const patch: Record<string, unknown> = { months }
  for (const [path, n] of doc.inc) {
    if (path === 'activeYear') patch.activeYear = _.inc(n)
    else {
      const [slot, field] = path.split('.')
      months[slot] = { ...months[slot], [field]: _.inc(n) }
    }
  }
  const stats = data(ctx).villageStats
  for (let attempt = 0; attempt < 2; attempt++) {
    if ((await stats.updateWhere({ _id: id }, patch)) > 0) return
    // the village's first entry of the year: the document is made with zeros (once), then incremented
    await stats.add(emptyStats(doc.villageId, doc.townId, doc.year))
  }
}
