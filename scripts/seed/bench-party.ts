/**
 * A branch at the scale the party benchmarks need: 30 members of the bench village with a year of
 * entries each (two a month), a meeting rule without a cap (so a meeting can be recorded again and
 * again), and the personas that score and read them.
 */
import { applyEntry, emptyLedgerState } from '../../core/domain/ledger'
import type { PartyRuleTerms } from '../../core/domain/party'
import { periodKeys } from '../../core/domain/period'
import { BENCH_VILLAGE } from './bench-village'

export const BENCH_BRANCH = 'pb-bench'
export const BENCH_SECRETARY = 'bench-secretary'
export const BENCH_MEMBER = 'bench-member'
export const BENCH_MEETING_RULE = 'pb-bench-meeting'
export const BENCH_MEMBERS = 30
export const benchMemberId = (i: number) => `pmb-${String(i).padStart(2, '0')}`

const DAY = 86_400_000

export function buildBenchParty(now: number) {
  const meeting: PartyRuleTerms = {
    group: '组织生活',
    title: '参加三会一课',
    points: { min: 3, max: 3 },
    cap: null,
    evidenceRequired: false,
    categories: ['employed', 'unemployed', 'mobile', 'infirm'],
    claimable: false,
    meeting: 'threeMeetings'
  }
  const town = 't-bench'
  const partyOrgs = [
    {
      _id: 'po-bench',
      kind: 'generalBranch',
      name: '规模测试村党总支',
      villageId: BENCH_VILLAGE,
      townId: town,
      parentId: null
    },
    {
      _id: BENCH_BRANCH,
      kind: 'branch',
      name: '规模测试村第一党支部',
      villageId: BENCH_VILLAGE,
      townId: town,
      parentId: 'po-bench'
    }
  ]
  const partyRules = [
    {
      _id: BENCH_MEETING_RULE,
      branchId: BENCH_BRANCH,
      ...meeting,
      active: true,
      version: 1,
      source: null,
      updatedAt: now
    }
  ]
  const entries: Record<string, any>[] = []
  const partyMembers = Array.from({ length: BENCH_MEMBERS }, (_, i) => {
    const id = benchMemberId(i)
    let state = { ...emptyLedgerState(), quarterKey: '', quarterPoints: 0 }
    for (let k = 24; k >= 1; k--) {
      const at = now - k * 15 * DAY
      const keys = periodKeys(at)
      const next = applyEntry(state, { kind: 'award', points: 3, at, rule: null })
      if ('refused' in next) throw new Error('bench member entry refused')
      state = {
        ...next,
        quarterKey: keys.quarter,
        quarterPoints: (state.quarterKey === keys.quarter ? state.quarterPoints : 0) + 3
      }
      entries.push({
        _id: `eb-${id}-${k}`,
        account: `member:${id}`,
        memberId: id,
        branchId: BENCH_BRANCH,
        villageId: BENCH_VILLAGE,
        memberCategory: 'unemployed',
        kind: 'award',
        points: 3,
        rule: { id: BENCH_MEETING_RULE, version: 1, ...meeting },
        capPeriod: null,
        correctsId: null,
        note: '',
        evidence: [],
        by: BENCH_SECRETARY,
        byName: '测试书记',
        requestKey: 'seed',
        actId: 'seed',
        at,
        month: keys.month,
        quarter: keys.quarter,
        year: keys.year
      })
    }
    return {
      _id: id,
      name: `党员${i + 1}`,
      villageId: BENCH_VILLAGE,
      townId: town,
      orgId: 'po-bench',
      branchId: BENCH_BRANCH,
      category: 'unemployed',
      exempt: false,
      householdId: null,
      openid: i === 0 ? BENCH_MEMBER : null,
      latest: [],
      active: true,
      createdAt: now,
      ...state
    }
  })
  const users = [
    {
      _id: BENCH_SECRETARY,
      name: '测试书记',
      roles: [{ role: 'branchSecretary', branchId: BENCH_BRANCH, villageId: BENCH_VILLAGE }],
      largeFont: false
    },
    {
      _id: BENCH_MEMBER,
      name: '党员1',
      roles: [{ role: 'partyMember', memberId: benchMemberId(0), branchId: BENCH_BRANCH, villageId: BENCH_VILLAGE }],
      largeFont: false
    }
  ]
  return { partyOrgs, partyRules, partyMembers, entries, users }
}
