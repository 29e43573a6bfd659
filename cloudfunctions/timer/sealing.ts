import { sha256Hex } from '../../core/domain/merkle'
import { formatDateTime } from '../../core/domain/period'
import type { AuditDoc, NoticeDoc, PlaceDoc } from '../shared/data/documents'
import type { Database } from '../shared/context'
import { mapWithLimit } from '../shared/limit'
import { data } from '../shared/data/store'
import { latestSeals, recheckSeal, RECHECK_DAYS, sealDays, Tampering } from '../shared/seals'
import { townAdminsPlace } from '../../core/domain/seal'

/** Villages sealed at once: each is a few queries per day; the town's villages share the run. */
const VILLAGES_IN_PARALLEL = 4
const VILLAGES_MAX = 2000

export interface SealRun {
  villages: number
  sealedDays: number
  alarms: Tampering[]
}

/**
 * For every village: re-hash its latest sealed days from the stored entries (raising an alarm for
 * each entry changed, deleted or slipped in after sealing), then seal the days that have ended since.
 * Safe to run twice: seals and alarms have ids fixed by what they are about.
 */
export async function sealAllVillages(db: Database, now: number, maxDays?: number): Promise<SealRun> {
  const villages = await data({ db }).places.find({ kind: 'village' }, { limit: VILLAGES_MAX })
  const perVillage = await mapWithLimit(villages, VILLAGES_IN_PARALLEL, async village => {
    const recent = await latestSeals(db, village._id, RECHECK_DAYS)
    const found = (await Promise.all(recent.map(s => recheckSeal(db, s)))).flat()
    for (const t of found) await raiseAlarm(db, village, t, now)
    const sealed = await sealDays(
      db,
      { id: village._id, townId: village.parentId ?? '' },
      recent[0] ?? null,
      now,
      maxDays
    )
    return { sealed: sealed.length, found }
  })
  return {
    villages: villages.length,
    sealedDays: perVillage.reduce((n, v) => n + v.sealed, 0),
    alarms: perVillage.flatMap(v => v.found)
  }
}

const PROBLEM_TEXT: Record<Tampering['problem'], string> = {
  changed: '在存证以后被改动',
  deleted: '在存证以后被删除',
  added: '在存证以后被补进了已存证的日子'
}

/**
 * Tells the town's administrators: a notice only they see (placeId of the town's administrators)
 * and an audit record in the town's trail. Once per entry and state, however often the timer runs.
 */
async function raiseAlarm(db: Database, village: PlaceDoc, t: Tampering, now: number) {
  const townId = village.parentId ?? ''
  const id =
    'alarm-' + sha256Hex([t.villageId, t.day, t.entryId, t.problem, t.currentHash ?? ''].join('|')).slice(0, 24)
  const what = `${village.name} ${t.day} 的积分记录 ${t.entryId}${PROBLEM_TEXT[t.problem]}`
  const notice: NoticeDoc = {
    _id: id,
    placeId: townAdminsPlace(townId),
    placeName: village.name,
    kind: 'notice',
    title: `存证报警：${what}`,
    body:
      `${formatDateTime(now)} 核对存证时发现：${what}。` +
      (t.now ? `现在库里这条记录是“${t.now.title}” ${t.now.points} 分。` : '') +
      '存证的树根不会变，请核实是谁改的，并按规定更正。',
    pictures: [],
    attachments: [],
    financeRows: [],
    pinned: true,
    withdrawn: false,
    by: 'system',
    byName: '积分存证核对',
    at: now,
    readCount: 0
  }
  const audit: AuditDoc = {
    _id: `a-${id}`,
    placeId: townId,
    actor: 'system',
    actorName: '积分存证核对',
    action: 'seal.alarm',
    target: t.entryId,
    before: { day: t.day, villageId: t.villageId },
    after: { problem: t.problem, householdId: t.householdId, now: t.now },
    at: now
  }
  // an alarm already raised keeps its id: adding it again is refused, and that is all
  await Promise.all([data({ db }).notices.add(notice), data({ db }).audit.add(audit)])
}
