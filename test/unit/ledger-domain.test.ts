import { applyEntry, emptyLedgerState, LedgerState } from '../../core/domain/ledger'
import { pointsProblem, termsProblem, RuleTerms, describePoints } from '../../core/domain/rules'

const NOV = Date.UTC(2026, 10, 27, 4)
const DEC = Date.UTC(2026, 11, 2, 4)
const yard: RuleTerms = {
  category: '人居环境',
  title: '院坝干净',
  points: { min: 5, max: 25 },
  cap: { period: 'month', max: 25 },
  evidenceRequired: false,
  proposers: ['cadre']
}
const mess: RuleTerms = {
  category: '人居环境',
  title: '乱堆乱放',
  points: { min: -5, max: -5 },
  cap: { period: 'month', max: 10 },
  evidenceRequired: true,
  proposers: ['cadre']
}
const post = (s: LedgerState, kind: any, points: number, at: number, terms: RuleTerms | null = yard, capAt?: number) =>
  applyEntry(s, { kind, points, at, rule: terms ? { id: terms.title, terms } : null, capAt }) as LedgerState

test('an award moves balance, earned and the period points; a new month starts from zero', () => {
  let s = post(emptyLedgerState(), 'award', 20, NOV)
  expect(s).toMatchObject({
    balance: 20,
    earned: 20,
    monthKey: '2026-11',
    monthPoints: 20,
    yearKey: '2026',
    yearPoints: 20,
    caps: { 院坝干净: { period: '2026-11', used: 20 } }
  })
  s = post(s, 'award', 10, DEC)
  expect(s).toMatchObject({
    balance: 30,
    monthKey: '2026-12',
    monthPoints: 10,
    yearPoints: 30,
    caps: { 院坝干净: { period: '2026-12', used: 10 } }
  })
})

test('a cap refuses what would exceed it, for awards and for deductions alike', () => {
  const s = post(emptyLedgerState(), 'award', 20, NOV)
  expect(applyEntry(s, { kind: 'award', points: 10, at: NOV, rule: { id: '院坝干净', terms: yard } })).toEqual({
    refused: 'CAP_REACHED'
  })
  expect(post(s, 'award', 5, NOV).caps['院坝干净'].used).toBe(25)
  const d = post(post(emptyLedgerState(), 'deduction', -5, NOV, mess), 'deduction', -5, NOV, mess)
  expect(d.balance).toBe(-10)
  expect(applyEntry(d, { kind: 'deduction', points: -5, at: NOV, rule: { id: '乱堆乱放', terms: mess } })).toEqual({
    refused: 'CAP_REACHED'
  })
})

test('redemptions and refunds move only the spendable balance, not earned or the period points', () => {
  const s = post(post(emptyLedgerState(), 'award', 20, NOV), 'redemption', -15, NOV, null)
  expect(s).toMatchObject({ balance: 5, earned: 20, monthPoints: 20 })
  expect(post(s, 'refund', 15, NOV, null)).toMatchObject({ balance: 20, earned: 20 })
})

test("a correction gives back cap room in the corrected entry's period only", () => {
  const s = post(emptyLedgerState(), 'award', 25, NOV)
  const fixed = post(s, 'correction', -15, NOV, yard, NOV)
  expect(fixed).toMatchObject({ balance: 10, earned: 10, caps: { 院坝干净: { period: '2026-11', used: 10 } } })
  // corrected in December, an entry of November: December's room is untouched
  const dec = post(s, 'award', 5, DEC)
  expect(post(dec, 'correction', -15, DEC, yard, NOV).caps['院坝干净']).toEqual({ period: '2026-12', used: 5 })
})

test("a rule's points and terms are checked", () => {
  expect(pointsProblem(yard, 5)).toBeNull()
  expect(pointsProblem(yard, 30)).toBe('POINTS_OUT_OF_RANGE')
  expect(pointsProblem(yard, 7.5)).toBe('POINTS_OUT_OF_RANGE')
  expect(pointsProblem(mess, 5)).toBe('POINTS_OUT_OF_RANGE')
  expect(termsProblem({ ...yard, points: { min: -5, max: 5 } })).toBe('一条细则只能加分或只能扣分')
  expect(termsProblem({ ...yard, cap: { period: 'month', max: 10 } })).toBe('封顶分不能小于一次的分值')
  expect(termsProblem(mess)).toBeNull()
  expect(describePoints(yard.points)).toBe('+5～+25分')
  expect(describePoints(mess.points)).toBe('-5分')
})

describe('the workflows allow exactly these moves', () => {
  const { canMovePending, canMovePosting, canMoveObjection } = require('../../core/domain/workflow')
  const all = <T extends string>(states: T[], can: (a: T, b: T) => boolean) =>
    states.flatMap(a => states.filter(b => can(a, b)).map(b => `${a}→${b}`))

  test('claims and proposals: pending → approved / rejected / withdrawn / expired, and nothing after', () => {
    expect(all(['pending', 'approved', 'rejected', 'withdrawn', 'expired'], canMovePending)).toEqual([
      'pending→approved',
      'pending→rejected',
      'pending→withdrawn',
      'pending→expired'
    ])
  })
  test('postings: posted → objected / final; objected → posted / final / corrected', () => {
    expect(all(['posted', 'objected', 'final', 'corrected'], canMovePosting)).toEqual([
      'posted→objected',
      'posted→final',
      'objected→posted',
      'objected→final',
      'objected→corrected'
    ])
  })
  test('objections: open → upheld / dismissed', () => {
    expect(all(['open', 'upheld', 'dismissed'], canMoveObjection)).toEqual(['open→upheld', 'open→dismissed'])
  })
})

test('a household code is read from a WeChat scene, a scanned path, the local QR URL or typed', () => {
  const { householdOfCode } = require('../../src/services/household-code')
  expect(householdOfCode('h%3Dh-xf-012')).toBe('h-xf-012')
  expect(householdOfCode('pages/household/index?scene=h%3Dh-xf-012')).toBe('h-xf-012')
  expect(householdOfCode('http://127.0.0.1:8787/#/pages/household/index?scene=h%3Dh-xf-012')).toBe('h-xf-012')
  expect(householdOfCode(' h=h-xf-012 ')).toBe('h-xf-012')
  expect(householdOfCode('h-xf-012')).toBe('h-xf-012')
  expect(householdOfCode('https://evil.example/?scene=%E0%A4%A')).toBe('')
  expect(householdOfCode('<script>')).toBe('')
})
