import { sha256Hex, toHex } from '../../core/domain/merkle'
import {
  dayOf,
  dayRange,
  entryLeafHash,
  makeHead,
  nextDay,
  sealOrder,
  SealedEntry,
  TreeHead
} from '../../core/domain/seal'
import type { EntryDoc, SealDoc } from './data/documents'
import type { Database } from './context'
import { data } from './data/store'

/**
 * Sealing (存证) against the database: the timer seals each village's finished days in order, each
 * head chained to the one before, and before sealing re-hashes the recently sealed days from the
 * stored entries, so that an entry changed or deleted after its day was sealed raises an alarm.
 */

/** Days sealed per village per run: a village's first run catches up a month at a time. */
export const SEAL_DAYS_PER_RUN_MAX = 31
/** How many of the latest sealed days each run re-hashes from the stored entries. */
export const RECHECK_DAYS = 7
/** A day is sealed this long after it ends, so that no transaction of that day is still committing. */
const SEAL_GRACE_MS = 10 * 60 * 1000
/** Entries of one village in one day; a day beyond it is refused loudly rather than sealed partly. */
const ENTRIES_PER_DAY_MAX = 20_000

export const sealIdOf = (villageId: string, day: string) => `${villageId}:${day}`

/**
 * The sealed fields of a stored entry (core/domain/seal.ts says which bytes are hashed). A party
 * member's entry (account member:<id>) is sealed with its village's too: no household (""), and its
 * rule's group as the category.
 */
export const sealedEntryOf = (e: EntryDoc & { rule: (EntryDoc['rule'] & { group?: string }) | null }): SealedEntry => ({
  id: e._id,
  account: e.account,
  householdId: e.householdId ?? '',
  villageId: e.villageId,
  kind: e.kind,
  points: e.points,
  rule: e.rule
    ? {
        id: e.rule.id,
        version: e.rule.version,
        category: e.rule.category ?? e.rule.group ?? '',
        title: e.rule.title,
        min: e.rule.points.min,
        max: e.rule.points.max
      }
    : null,
  correctsId: e.correctsId ?? null,
  note: e.note ?? '',
  evidence: e.evidence ?? [],
  byHash: sha256Hex(e.by ?? ''),
  byName: e.byName ?? '',
  at: e.at
})

export const leafHex = (e: EntryDoc) => toHex(entryLeafHash(sealedEntryOf(e)))

/** A village's stored entries of one day (China Standard Time), in seal order. */
export async function entriesOfDay(db: Database, villageId: string, day: string): Promise<EntryDoc[]> {
  const { fromMs, toMs } = dayRange(day)
  const found = await entriesBetween(db, villageId, fromMs, toMs, ENTRIES_PER_DAY_MAX)
  if (found.length > ENTRIES_PER_DAY_MAX)
    throw new Error(`${villageId} ${day}: more than ${ENTRIES_PER_DAY_MAX} entries`)
  return sealOrder(found.map(e => ({ ...e, id: e._id })))
}

/** A village's stored entries in [fromMs, toMs), oldest first; more than `max` only to say there are more. */
export function entriesBetween(db: Database, villageId: string, fromMs: number, toMs: number, max: number) {
  const _ = db.command
  const where = { villageId, at: _.gte(fromMs).and(_.lt(toMs)) }
  return data({ db }).entries.findAll(where, { orderBy: [['at', 'asc']], max })
}

/** The village's latest sealed days, newest first. */
export async function latestSeals(db: Database, villageId: string, count: number): Promise<SealDoc[]> {
  return data({ db }).seals.find({ villageId }, { orderBy: [['day', 'desc']], limit: count })
}

export interface Tampering {
  villageId: string
  day: string
  entryId: string
  problem: 'changed' | 'deleted' | 'added'
  /** the entry's household and what it now says, when it still exists */
  householdId: string | null
  now: { points: number; title: string } | null
  /** the stored entry's leaf hash now (null: deleted): an alarm is raised once per state */
  currentHash: string | null
}

/** Re-hashes a sealed day from the stored entries: every entry changed, deleted or slipped in since. */
export async function recheckSeal(db: Database, seal: SealDoc): Promise<Tampering[]> {
  const stored = await entriesOfDay(db, seal.villageId, seal.day)
  const byId = new Map(stored.map(e => [e._id, e]))
  const sealedIds = new Set(seal.leaves.map(l => l.id))
  const found: Tampering[] = []
  const report = (entryId: string, problem: Tampering['problem'], e: EntryDoc | undefined) =>
    found.push({
      villageId: seal.villageId,
      day: seal.day,
      entryId,
      problem,
      householdId: e?.householdId ?? null,
      now: e ? { points: e.points, title: e.rule?.title ?? e.note } : null,
      currentHash: e ? leafHex(e) : null
    })
  for (const leaf of seal.leaves) {
    const e = byId.get(leaf.id)
    if (!e) report(leaf.id, 'deleted', undefined)
    else if (leafHex(e) !== leaf.hash) report(leaf.id, 'changed', e)
  }
  for (const e of stored) if (!sealedIds.has(e._id)) report(e._id, 'added', e)
  return found
}

/** The first day of a village's ledger, or null when it has no entry yet. */
async function firstDay(db: Database, villageId: string): Promise<string | null> {
  const [first] = await data({ db }).entries.find({ villageId }, { orderBy: [['at', 'asc']], limit: 1 })
  return first ? dayOf(first.at) : null
}

/**
 * Seals the village's finished days after its last seal, in order, at most `maxDays`. A concurrent
 * run that sealed a day first wins: the add fails on the fixed id, and this run stops.
 */
export async function sealDays(
  db: Database,
  village: { id: string; townId: string },
  last: SealDoc | null,
  now: number,
  maxDays = SEAL_DAYS_PER_RUN_MAX
): Promise<string[]> {
  let day = last ? nextDay(last.day) : await firstDay(db, village.id)
  let prev: TreeHead | null = last
  const sealed: string[] = []
  while (day && sealed.length < maxDays && dayRange(day).toMs + SEAL_GRACE_MS <= now) {
    const entries = await entriesOfDay(db, village.id, day)
    const leaves = entries.map(e => ({ id: e._id, hash: leafHex(e) }))
    const head = makeHead(
      village.id,
      day,
      entries.map(e => entryLeafHash(sealedEntryOf(e))),
      prev,
      now
    )
    const doc: SealDoc = { _id: sealIdOf(village.id, day), townId: village.townId, ...head, leaves }
    if (!(await data({ db }).seals.add(doc))) break
    sealed.push(day)
    prev = head
    day = nextDay(day)
  }
  return sealed
}

/** The public head of a seal document. */
export const headOf = (s: TreeHead): TreeHead => ({
  villageId: s.villageId,
  day: s.day,
  size: s.size,
  root: s.root,
  prevHash: s.prevHash,
  sealedAt: s.sealedAt,
  headHash: s.headHash
})
