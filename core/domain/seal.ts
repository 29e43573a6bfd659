import { emptyRoot, fromHex, Hash, leafHash, rootOf, sha256Hex, toHex, utf8, verifyInclusion } from './merkle'

/**
 * Seals (存证): each village's entries of one day (China Standard Time) are the leaves of one Merkle
 * tree (merkle.ts); the day's tree head (size, root, time) is chained to the village's previous head
 * by including that head's hash. docs/trust.md explains the scheme for anyone who wants to verify.
 */

/** The fields of an entry that are sealed: everything that says what the entry is, nothing derived. */
export interface SealedEntry {
  id: string
  account: string
  householdId: string
  villageId: string
  kind: string
  points: number
  rule: { id: string; version: number; category: string; title: string; min: number; max: number } | null
  correctsId: string | null
  note: string
  evidence: string[]
  /** SHA-256 (hex) of the scorer's openid: binds who scored without publishing the openid */
  byHash: string
  byName: string
  at: number
}

const ENTRY_FORMAT = 'xcjf-entry-v1'
const HEAD_FORMAT = 'xcjf-head-v1'

/**
 * The exact bytes hashed for an entry: UTF-8 of the JSON text of one array, in this order:
 * ["xcjf-entry-v1", id, account, householdId, villageId, kind, points,
 *  ruleId|null, ruleVersion|null, ruleCategory|null, ruleTitle|null, ruleMin|null, ruleMax|null,
 *  correctsId|null, note, [evidence...], byHash, byName, at].
 * JSON.stringify of strings, integers, null and arrays is fixed by ECMA-262 (no spaces, the same
 * escapes everywhere), so any language with a standard JSON writer can rebuild these bytes.
 */
export function canonicalEntry(e: SealedEntry): string {
  return JSON.stringify([
    ENTRY_FORMAT,
    e.id,
    e.account,
    e.householdId,
    e.villageId,
    e.kind,
    e.points,
    e.rule?.id ?? null,
    e.rule?.version ?? null,
    e.rule?.category ?? null,
    e.rule?.title ?? null,
    e.rule?.min ?? null,
    e.rule?.max ?? null,
    e.correctsId,
    e.note,
    e.evidence,
    e.byHash,
    e.byName,
    e.at
  ])
}

export const entryLeafHash = (e: SealedEntry): Hash => leafHash(utf8(canonicalEntry(e)))

/** Leaves of a day in a fixed order: by time, then id. */
export const sealOrder = <T extends { at: number; id: string }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** A day's published tree head, chained to the previous one. Hashes are lowercase hex. */
export interface TreeHead {
  villageId: string
  /** 2026-11-26, in China Standard Time */
  day: string
  size: number
  root: string
  /** headHash of the village's previous head; "" for the first */
  prevHash: string
  sealedAt: number
  /** SHA-256 of the head's canonical text (headText) */
  headHash: string
}

/**
 * The exact text whose SHA-256 is a head's hash: JSON of
 * ["xcjf-head-v1", villageId, day, size, root, prevHash, sealedAt].
 */
export const headText = (h: Omit<TreeHead, 'headHash'>): string =>
  JSON.stringify([HEAD_FORMAT, h.villageId, h.day, h.size, h.root, h.prevHash, h.sealedAt])

export function makeHead(
  villageId: string,
  day: string,
  leafHashes: readonly Hash[],
  prev: TreeHead | null,
  sealedAt: number
): TreeHead {
  const body = {
    villageId,
    day,
    size: leafHashes.length,
    root: toHex(leafHashes.length ? rootOf(leafHashes) : emptyRoot()),
    prevHash: prev?.headHash ?? '',
    sealedAt
  }
  return { ...body, headHash: sha256Hex(headText(body)) }
}

/** The root of leaf hashes given in hex. */
export const rootOfHex = (leafHashesHex: readonly string[]): string => toHex(rootOf(leafHashesHex.map(fromHex)))

// ---- days in China Standard Time (as periods are; see period.ts) ----

const CST_OFFSET_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000

/** "2026-11-26" for a moment, in China Standard Time. */
export function dayOf(atMs: number): string {
  const d = new Date(atMs + CST_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The first millisecond of a day (China Standard Time) and the first of the next. */
export function dayRange(day: string): { fromMs: number; toMs: number } {
  const [y, m, d] = day.split('-').map(Number)
  const fromMs = Date.UTC(y, m - 1, d) - CST_OFFSET_MS
  return { fromMs, toMs: fromMs + DAY_MS }
}

export const nextDay = (day: string): string => dayOf(dayRange(day).toMs)

/**
 * What breaks a chain of heads given in day order: a head whose hash does not match its text, or
 * whose prevHash is not the previous head's hash. Empty when the chain holds.
 */
export function chainProblems(heads: readonly TreeHead[]): { day: string; problem: 'headHash' | 'prevHash' }[] {
  const problems: { day: string; problem: 'headHash' | 'prevHash' }[] = []
  heads.forEach((h, i) => {
    if (sha256Hex(headText(h)) !== h.headHash) problems.push({ day: h.day, problem: 'headHash' })
    const expectedPrev = i === 0 ? h.prevHash : heads[i - 1].headHash
    if (h.prevHash !== expectedPrev) problems.push({ day: h.day, problem: 'prevHash' })
  })
  return problems
}

/** Where alarms about a town's seals are addressed: a notice place only the town's administrators read. */
export const townAdminsPlace = (townId: string) => `admins-${townId}`

/** An inclusion proof as the entry page gets it, checked by RFC 9162's algorithm against the day's root. */
export const proofHolds = (p: { leafHash: string; index: number; size: number; path: string[]; root: string }) =>
  verifyInclusion(fromHex(p.leafHash), p.index, p.size, p.path.map(fromHex), fromHex(p.root))
