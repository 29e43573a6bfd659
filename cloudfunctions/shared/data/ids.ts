import { createHash } from 'node:crypto'

/**
 * Every id the functions make, from one table of named prefixes. Ids are derived from what makes a
 * write unique (the actor, the request, the household…), so that a retried request meets the
 * document it made the first time; hashing keeps openids out of ids that other people see. The
 * formats are those of stored data: changing a prefix or length needs a migration.
 */
export const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex')

const HASHED = {
  /** a score entry: (actor, request, household) */
  entry: ['e', 31],
  household: ['h-', 20],
  rule: ['r', 20],
  template: ['t', 20],
  gridLog: ['log-', 24],
  proposal: ['p-', 24],
  claim: ['c-', 24],
  /** one villager's objection to one entry: (villager, entry) */
  objection: ['o', 24],
  goods: ['g-', 24],
  order: ['o-', 24],
  issue: ['i', 24],
  notice: ['n', 24],
  service: ['svc-', 20],
  /** a person of a household: (household, name) */
  person: ['p-', 24],
  /** a register import: (village, file, its content's hash) */
  import: ['im-', 24],
  /** a village's door plate: (village, normalised plate) */
  doorPlate: ['dp-', 24],
  /** one act of party work (a score, a meeting's attendance): (actor, request) */
  partyAct: ['pa', 31],
  partyMember: ['pm-', 20],
  partyClaim: ['pc', 31],
  partyObjection: ['po', 31],
  partyRule: ['pr-', 20],
  /** an export of all the data: (administrator, the request that started it) */
  dataExport: ['dx-', 24],
  /** village participation (issue 17): a vote, an activity, an organisation: (actor, request) */
  vote: ['vt', 16],
  activity: ['ac', 12],
  /** what an activity's code carries besides its id: ('activity-key', actor, request) */
  checkInKey: ['', 8],
  organisation: ['org-', 16],
  /** a person's own key in votes and sign-ups, keeping the openid out of ids: (openid) */
  participant: ['p', 24],
  /** one look by a bank at a household's points */
  creditView: ['cv', 24],
  /** (actor, request id): what tells a retry of a request from another request */
  requestKey: ['', 24]
} as const satisfies Record<string, readonly [string, number]>

export type HashedIdKind = keyof typeof HASHED

/** An id of `kind` from the parts that make the document unique. */
export function idFor(kind: HashedIdKind, ...parts: string[]): string {
  const [prefix, length] = HASHED[kind]
  return prefix + hash(...parts).slice(0, length)
}

/** The key of one caller's request: the same for every retry of it. */
export const requestKeyFor = (openid: string, requestId: string) => idFor('requestKey', openid, requestId)

/** Ids fixed by the document an act settles, so the act happens once per document. */
export const settledIds = {
  /** the entry that posts an approved claim or proposal */
  approval: (pendingId: string) => `ap-${pendingId}`,
  /** the one correction of an entry */
  correction: (entryId: string) => `fix-${entryId}`,
  /** the redemption entry of an order */
  redemption: (orderId: string) => `rd-${orderId}`,
  /** the refund entry of a cancelled order */
  refund: (orderId: string) => `rf-${orderId}`,
  /** a rule a village adopted from a template item */
  adoptedRule: (villageId: string, templateId: string, key: string) => `r-${villageId}-${templateId}-${key}`,
  /** a household's first reading of a notice */
  read: (noticeId: string, householdId: string) => `${noticeId}:${householdId}`,
  /** the audit record of an act: one per request, or one per entry the ledger writes */
  audit: (key: string) => `a-${key}`
}
