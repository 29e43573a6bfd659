import { AppError, ErrorCode } from '../../../core/contract/errors'
import type { EntryView } from '../../../core/contract/views'
import { applyEntry, EntryKind, LedgerState, SCORE_KINDS } from '../../../core/domain/ledger'
import { periodKeys } from '../../../core/domain/period'
import { capPeriodKey } from '../../../core/domain/rules'
import { DAY_MS } from '../../../core/domain/workflow'
import type { Ctx } from '../../shared/context'
import type { AuditDoc, EntryDoc, HouseholdDoc, PostingDoc, RuleSnapshot } from '../../shared/data/documents'
import { idFor, settledIds } from '../../shared/data/ids'
import { data, Patch } from '../../shared/data/store'
import { transact, Tx } from '../../shared/data/transaction'
import { toEntryView } from '../../shared/data/views'
import type { AuditDraft } from '../router/audit'
import { tellPointsChanged } from './notify'
import { noteMembers } from '../../shared/party-stats'
import { mapWithLimit } from '../../shared/limit'
import type { MemberDoc, MemberEntryDoc, PartyActDoc, PartyRuleSnapshot } from '../../shared/data/party-documents'
import type { FiguresDelta } from '../../../core/domain/figures'
import { addToFigures } from './figures'

/**
 * The ledger: the one module that writes points. Each entry is written in one transaction of
 * doc-by-id operations (the only kind the cloud allows in a transaction): read the household, judge
 * the entry against its state (caps, non-negative balance), add the entry under an id derived from
 * the request, and update the household's balance, period points and cap counters. So
 * `balance == sum(entries)` holds after every commit, and a retried request finds its entry instead
 * of writing a second one.
 */

const LATEST_KEPT = 5

export interface NewEntry {
  /** from entryIdFor(), or fixed by what the entry settles (an approval, a correction) */
  id: string
  /** requestKeyFor(actor, request id) */
  requestKey: string
  householdId: string
  /** the village the actor may act in; a household elsewhere is refused inside the transaction */
  villageId: string
  kind: EntryKind
  points: number
  rule: RuleSnapshot | null
  correctsId?: string
  /** a correction counts against the cap of the period of the entry it corrects */
  capAt?: number
  note: string
  evidence: string[]
  by: string
  byName: string
  /** refuse an entry that would take the balance below zero (redemptions) */
  keepNonNegative?: boolean
  /** put the entry in the village's public posting (公示) for the village's posting days */
  publicPosting?: boolean
  /** the audit record of the act, written in the same transaction */
  audit?: AuditDraft
  /**
   * Checks still running when the write starts (an award's rule and text checks), and what they
   * complete the entry with: awaited beside the transaction's start and the household's read, so that
   * they add no round trip of their own to the way. A check that throws refuses the entry, and comes
   * before the household's own refusals, as when the checks ran first.
   */
  completing?: Promise<Pick<NewEntry, 'rule' | 'audit'>>
  /**
   * More reads and writes in the same transaction, after the household is read and before the entry
   * is judged and written (moving a claim to approved, taking stock); throwing refuses the entry. It
   * may set the entry's points and note from what it read (a redemption's price), and fields to write
   * to the household with the ledger's own (the shop's purchase counts).
   */
  alsoInTransaction?: (tx: Tx, household: HouseholdDoc) => Promise<InTransaction | void>
  /** what to refuse with when the entry's id is already taken by another request */
  takenError?: AppError
  /**
   * Whether an entry already written under this request was made from what this call sends: a retry
   * sends the same; other content under a used request id is refused (REQUEST_REUSED), not answered
   * with the first call's result.
   */
  sameContent?: (earlier: EntryDoc) => boolean
  /**
   * A batch gathers the entries' figures here and adds them once at its end (figures.ts); without
   * it, post adds them itself: one increment after the commit.
   */
  figuresLater?: FiguresDelta[]
}

export interface InTransaction {
  points?: number
  note?: string
  householdPatch?: Patch
}

export interface Written {
  entry: EntryView
  balance: number
  /** true when this request had already been written: nothing was written now */
  repeated: boolean
}

type LedgerCtx = Pick<Ctx, 'db' | 'now' | 'openapi' | 'log' | 'templates'>

/** A stable entry id for (actor, request, household): hashing keeps openids out of ids that others see. */
export const entryIdFor = (openid: string, requestId: string, householdId: string): string =>
  idFor('entry', openid, requestId, householdId)

export async function writeEntry(ctx: LedgerCtx, input: NewEntry): Promise<Written> {
  // its refusal is met inside the transaction; until then it must not count as unhandled
  input.completing?.catch(() => {})
  try {
    const { written, boundUsers, figures } = await transact(ctx, tx => writeInTransaction(ctx, tx, input))
    if (input.figuresLater) input.figuresLater.push(figures)
    // after the commit, side by side: the village's figures, and the household's villagers told that
    // its score changed (the shop tells of orders itself)
    await Promise.all([
      input.figuresLater ? null : addToFigures(ctx, [figures]),
      SCORE_KINDS.includes(written.entry.kind)
        ? tellPointsChanged(ctx, boundUsers, written.entry, written.balance)
        : null
    ])
    return written
  } catch (e) {
    // A retry of a written request fails on the duplicate id, or meets a cap that its first call
    // filled: either way the first result stands.
    const earlier = await data(ctx).entries.get(input.id)
    if (earlier && earlier.requestKey === input.requestKey) {
      if (input.sameContent && !input.sameContent(earlier)) throw new AppError('REQUEST_REUSED')
      const household = await data(ctx).households.get(earlier.householdId)
      return { entry: toEntryView(earlier), balance: household?.balance ?? 0, repeated: true }
    }
    if (earlier && input.takenError) throw input.takenError
    throw e
  }
}

async function writeInTransaction(
  ctx: LedgerCtx,
  tx: Tx,
  given: NewEntry
): Promise<{ written: Written; boundUsers: string[]; figures: FiguresDelta }> {
  const [household, completed] = await Promise.all([tx.get('households', given.householdId), given.completing])
  const input = { ...given, ...completed }
  if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
  if (household.villageId !== input.villageId) throw new AppError('OTHER_VILLAGE')

  const extra = (await input.alsoInTransaction?.(tx, household)) ?? {}
  const points = extra.points ?? input.points
  const at = ctx.now()
  const next = applyEntry(ledgerStateOf(household), {
    kind: input.kind,
    points,
    at,
    rule: input.rule ? { id: input.rule.id, terms: input.rule } : null,
    capAt: input.capAt
  })
  if ('refused' in next) throw new AppError(next.refused)
  if (input.keepNonNegative && next.balance < 0) throw new AppError('NOT_ENOUGH_POINTS')

  const keys = periodKeys(at)
  const entry: EntryDoc = {
    _id: input.id,
    account: `household:${household._id}`,
    householdId: household._id,
    villageId: household.villageId,
    kind: input.kind,
    points,
    rule: input.rule,
    capPeriod: input.rule?.cap ? capPeriodKey(input.rule.cap.period, input.capAt ?? at) : null,
    correctsId: input.correctsId ?? null,
    note: extra.note ?? input.note,
    evidence: input.evidence,
    by: input.by,
    byName: input.byName,
    requestKey: input.requestKey,
    at,
    month: keys.month,
    year: keys.year
  }
  const view = toEntryView(entry)
  const _ = ctx.db.command
  await tx.add('entries', entry)
  const postingDays = household.village.postingDays ?? 0
  if (input.publicPosting && postingDays > 0)
    await tx.add('postings', postingOf(entry, household, at + postingDays * DAY_MS))
  if (input.audit) await tx.add('audit', { _id: settledIds.audit(entry._id), ...input.audit, at } satisfies AuditDoc)
  await tx.update('households', household._id, {
    ...extra.householdPatch,
    ...next,
    caps: _.set(next.caps),
    latest: _.set([view, ...(household.latest ?? [])].slice(0, LATEST_KEPT))
  })
  const scored = SCORE_KINDS.includes(input.kind)
  const figures: FiguresDelta = {
    villageId: household.villageId,
    townId: household.townId,
    month: keys.month,
    kind: input.kind,
    points,
    newInMonth: scored && household.monthKey !== keys.month,
    newInYear: scored && household.yearKey !== keys.year
  }
  return {
    written: { entry: view, balance: next.balance, repeated: false },
    boundUsers: household.boundUsers ?? [],
    figures
  }
}

const postingOf = (e: EntryDoc, h: HouseholdDoc, until: number): PostingDoc => ({
  _id: e._id,
  villageId: h.villageId,
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  title: e.rule?.title ?? e.note,
  category: e.rule?.category ?? '',
  points: e.points,
  byName: e.byName,
  evidence: e.evidence,
  at: e.at,
  until,
  state: 'posted',
  openObjections: 0
})

const ledgerStateOf = (h: Partial<LedgerState>): LedgerState => ({
  balance: h.balance ?? 0,
  earned: h.earned ?? 0,
  monthKey: h.monthKey ?? '',
  monthPoints: h.monthPoints ?? 0,
  yearKey: h.yearKey ?? '',
  yearPoints: h.yearPoints ?? 0,
  caps: h.caps ?? {}
})

/*
 * Party members' accounts (`member:<id>`): the same entries collection, the same pure applyEntry,
 * the same transaction discipline. An act (one award, a meeting's attendance list, an approval, a
 * correction) is one transaction over every member it names: read the members, judge each line,
 * add the entries, update the members, and add the act's own document, whose id is fixed by the
 * request, so a retried or concurrent identical request meets it and writes nothing.
 */

export interface MemberLine {
  memberId: string
  /** entryIdFor(actor, request, `member:<id>`), or fixed by what it settles */
  id: string
  kind: EntryKind
  points: number
  rule: PartyRuleSnapshot | null
  correctsId?: string
  capAt?: number
}

export interface MemberAct {
  /** the act document's id: fixed by the request (or by what it settles) */
  actId: string
  requestKey: string
  kind: PartyActDoc['kind']
  branchId: string
  title: string
  note: string
  evidence: string[]
  present?: string[]
  absent?: string[]
  lines: MemberLine[]
  by: string
  byName: string
  /** meetings: a line a cap would refuse, or whose rule is not for the member's category, is skipped and reported */
  skipRefused?: boolean
  audit?: AuditDraft
  alsoInTransaction?: (tx: Tx) => Promise<void>
  takenError?: AppError
}

export interface WrittenMemberAct {
  act: PartyActDoc
  repeated: boolean
}

const MEMBER_READS_PARALLEL = 10

export async function writeMemberAct(ctx: LedgerCtx, input: MemberAct): Promise<WrittenMemberAct> {
  try {
    const { act, scored } = await transact(ctx, tx => memberActInTransaction(ctx, tx, input))
    // the town's overview reads the branch's roster: the scored members' lines follow the commit
    await noteMembers(ctx, scored)
    return { act, repeated: false }
  } catch (e) {
    const earlier = await data(ctx).partyActs.get(input.actId)
    if (earlier && earlier.requestKey === input.requestKey) {
      if (!sameAct(earlier, input)) throw new AppError('REQUEST_REUSED')
      return { act: earlier, repeated: true }
    }
    if (earlier && input.takenError) throw input.takenError
    throw e
  }
}

/**
 * Whether an act already written under this request was made from what this call sends (a retry sends
 * the same): its kind, title (the rule's), note, photos, who was present or absent, and each line's
 * member and, where it was applied, its points (a line skipped at a cap records none). Another content
 * under a used request id is refused, as writeEntry's sameContent refuses it.
 */
function sameAct(earlier: PartyActDoc, input: MemberAct): boolean {
  const sameLine = (l: PartyActDoc['lines'][number], i: number) =>
    l.memberId === input.lines[i].memberId && (l.status !== 'applied' || l.points === input.lines[i].points)
  return (
    earlier.kind === input.kind &&
    earlier.title === input.title &&
    earlier.note === input.note &&
    earlier.evidence.join('\n') === input.evidence.join('\n') &&
    earlier.present.join() === (input.present ?? []).join() &&
    earlier.absent.join() === (input.absent ?? []).join() &&
    earlier.lines.length === input.lines.length &&
    earlier.lines.every(sameLine)
  )
}

async function memberActInTransaction(
  ctx: LedgerCtx,
  tx: Tx,
  input: MemberAct
): Promise<{ act: PartyActDoc; scored: MemberDoc[] }> {
  // absentees without a deduction have no line, but the act names them: they too are the branch's members
  const namedOnly = (input.absent ?? []).filter(id => !input.lines.some(l => l.memberId === id))
  const [members, named] = await Promise.all([
    mapWithLimit(input.lines, MEMBER_READS_PARALLEL, l => tx.get('partyMembers', l.memberId)),
    mapWithLimit(namedOnly, MEMBER_READS_PARALLEL, id => tx.get('partyMembers', id))
  ])
  const all = [...members, ...named]
  if (all.some(m => !m)) throw new AppError('NOT_FOUND', '没有找到这名党员')
  if (all.some(m => m!.branchId !== input.branchId || !m!.active)) throw new AppError('OTHER_BRANCH')
  await input.alsoInTransaction?.(tx)
  const at = ctx.now()
  const judged = input.lines.map((line, i) => judgeMemberLine(members[i]!, line, at))
  const refused = judged.find((j): j is { refused: ErrorCode } => 'refused' in j)
  if (refused && !input.skipRefused) throw new AppError(refused.refused)
  const village = members[0]!.villageId
  const act: PartyActDoc = {
    _id: input.actId,
    kind: input.kind,
    requestKey: input.requestKey,
    branchId: input.branchId,
    villageId: village,
    title: input.title,
    note: input.note,
    evidence: input.evidence,
    present: input.present ?? [],
    absent: input.absent ?? [],
    lines: [],
    by: input.by,
    byName: input.byName,
    at
  }
  const _ = ctx.db.command
  const scored: MemberDoc[] = []
  await mapWithLimit(input.lines, MEMBER_READS_PARALLEL, async (line, i) => {
    const member = members[i]!
    const outcome = judged[i]
    if ('refused' in outcome) {
      act.lines[i] = lineOf(member, line, outcome.refused === 'CAP_REACHED' ? 'capped' : 'notApplicable')
      return
    }
    const entry = memberEntryOf(member, line, input, at)
    await tx.add('entries', entry)
    scored.push({ ...member, ...quarterAfter(member, entry) })
    await tx.update('partyMembers', member._id, {
      ...outcome.next,
      caps: _.set(outcome.next.caps),
      ...quarterAfter(member, entry),
      latest: _.set([toEntryView(entry), ...(member.latest ?? [])].slice(0, LATEST_KEPT))
    })
    act.lines[i] = lineOf(member, line, 'applied')
  })
  // a concurrent identical request adds the same act id: only one of them commits
  await tx.add('partyActs', act)
  if (input.audit) await tx.add('audit', { _id: settledIds.audit(act._id), ...input.audit, at } satisfies AuditDoc)
  return { act, scored }
}

type Judged = { refused: ErrorCode } | { next: LedgerState }

function judgeMemberLine(member: MemberDoc, line: MemberLine, at: number): Judged {
  if (line.rule && line.kind !== 'correction' && !line.rule.categories.includes(member.category))
    return { refused: 'RULE_NOT_FOR_CATEGORY' }
  const next = applyEntry(ledgerStateOf(member), {
    kind: line.kind,
    points: line.points,
    at,
    rule: line.rule ? { id: line.rule.id, terms: line.rule } : null,
    capAt: line.capAt
  })
  return 'refused' in next ? { refused: next.refused } : { next }
}

const lineOf = (m: MemberDoc, line: MemberLine, status: PartyActDoc['lines'][number]['status']) => ({
  memberId: m._id,
  name: m.name,
  entryId: status === 'applied' ? line.id : '',
  points: status === 'applied' ? line.points : 0,
  status
})

function memberEntryOf(member: MemberDoc, line: MemberLine, act: MemberAct, at: number): MemberEntryDoc {
  const keys = periodKeys(at)
  return {
    _id: line.id,
    account: `member:${member._id}`,
    memberId: member._id,
    branchId: member.branchId,
    villageId: member.villageId,
    memberCategory: member.category,
    kind: line.kind,
    points: line.points,
    rule: line.rule,
    capPeriod: line.rule?.cap ? capPeriodKey(line.rule.cap.period, line.capAt ?? at) : null,
    correctsId: line.correctsId ?? null,
    note: act.note,
    evidence: act.evidence,
    by: act.by,
    byName: act.byName,
    requestKey: act.requestKey,
    actId: act.actId,
    at,
    month: keys.month,
    quarter: keys.quarter,
    year: keys.year
  }
}

const quarterAfter = (m: MemberDoc, e: MemberEntryDoc) => ({
  quarterKey: e.quarter,
  quarterPoints: (m.quarterKey === e.quarter ? m.quarterPoints : 0) + e.points
})
