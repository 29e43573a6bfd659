import { DAY_MS, PENDING_EXPIRY_DAYS } from '../../core/domain/workflow'
import type { Database } from '../shared/context'
import { data } from '../shared/data/store'
import { mapWithLimit } from '../shared/limit'
import { recountVillage } from '../shared/village-figures'

/**
 * The scheduled work, given the database and the time (tests move the clock). Each task is one
 * where-update, so however many entries are due it is one round trip, and running it twice changes
 * nothing the second time.
 */
export async function runScheduledTasks(db: Database, now: number) {
  const _ = db.command
  const { postings, pending } = data({ db })
  // a posting period that ended without an open objection: the entry is final
  const finalised = await postings.updateWhere({ state: 'posted', until: _.lte(now) }, { state: 'final' })
  // a claim or proposal nobody reviewed in 30 days expires
  const expired = await pending.updateWhere(
    { state: 'pending', at: _.lte(now - PENDING_EXPIRY_DAYS * DAY_MS) },
    { state: 'expired', resolvedAt: now, resolvedByName: '系统（超过30天未审核）' }
  )
  // party work: a quarter's posting, an annual rating and an organisation's stars whose days are over
  const store = data({ db })
  const partyFinalised = await Promise.all(
    [store.partyPostings, store.ratingSheets, store.orgRatings].map(collection =>
      collection.updateWhere({ state: 'posted', until: _.lte(now) }, { state: 'final' })
    )
  )
  return { finalised, expired, partyFinalised: partyFinalised.reduce((a, n) => a + n, 0) }
}

/** Villages recounted at once by the hourly figures task; a county has a few hundred at most. */
const RECOUNT_PARALLELISM = 4
const VILLAGES_MAX = 1000

/**
 * The hourly recount of every village's figures (shared/village-figures.ts): repairs any drift of the
 * live increments and refreshes what is only counted here (bindings, claims waiting, overdue issues,
 * the checklist). The overview says when it last ran ("更新于 …").
 */
export async function recountFigures(db: Database, now: number) {
  const villages = await data({ db }).places.find({ kind: 'village' }, { limit: VILLAGES_MAX })
  await mapWithLimit(villages, RECOUNT_PARALLELISM, v => recountVillage(db, v._id, v.parentId ?? '', now))
  return { recounted: villages.length }
}
