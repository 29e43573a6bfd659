import { DAY_MS, PENDING_EXPIRY_DAYS } from '../../core/domain/workflow'
import type { Database } from '../shared/context'
import { mapWithLimit } from '../shared/limit'
import { recountVillage } from '../shared/village-figures'

/**
 * The scheduled work, given the database and the time (tests move the clock). Each task is one
 * where-update, so however many entries are due it is one round trip, and running it twice changes
 * nothing the second time.
 */
export async function runScheduledTasks(db: Database, now: number) {
  const _ = db.command
  // a posting period that ended without an open objection: the entry is final
  const finalised = (await db
    .collection('postings')
    .where({ state: 'posted', until: _.lte(now) })
    .update({ data: { state: 'final' } })) as unknown as { stats: { updated: number } }
  // a claim or proposal nobody reviewed in 30 days expires
  const expired = (await db
    .collection('pending')
    .where({ state: 'pending', at: _.lte(now - PENDING_EXPIRY_DAYS * DAY_MS) })
    .update({ data: { state: 'expired', resolvedAt: now, resolvedByName: '系统（超过30天未审核）' } })) as unknown as {
    stats: { updated: number }
  }
  // party work: a quarter's posting, an annual rating and an organisation's stars whose days are over
  const partyFinalised = await Promise.all(
    ['partyPostings', 'ratingSheets', 'orgRatings'].map(
      async collection =>
        (
          (await db
            .collection(collection)
            .where({ state: 'posted', until: _.lte(now) })
            .update({ data: { state: 'final' } })) as unknown as { stats: { updated: number } }
        ).stats.updated
    )
  )
  return {
    finalised: finalised.stats.updated,
    expired: expired.stats.updated,
    partyFinalised: partyFinalised.reduce((a, n) => a + n, 0)
  }
}

/** Villages recounted at once by the hourly figures task. */
const RECOUNT_PARALLELISM = 4

/**
 * The hourly recount of every village's figures (shared/village-figures.ts): repairs any drift of the
 * live increments and refreshes what is only counted here (bindings, claims waiting, overdue issues,
 * the checklist). The overview says when it last ran ("更新于 …").
 */
export async function recountFigures(db: Database, now: number) {
  const villages = (await db.collection('places').where({ kind: 'village' }).limit(1000).get()) as unknown as {
    data: { _id: string; parentId: string | null }[]
  }
  await mapWithLimit(villages.data, RECOUNT_PARALLELISM, v => recountVillage(db, v._id, v.parentId ?? '', now))
  return { recounted: villages.data.length }
}
