import { formatDateTime, periodKeys, periodWords, previousQuarter } from '../../core/domain/period'
import { starLevel } from '../../core/domain/stars'

test('periods are counted in China Standard Time', () => {
  // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Shanghai
  expect(periodKeys(Date.UTC(2026, 11, 31, 16, 30))).toEqual({ month: '2027-01', quarter: '2027-Q1', year: '2027' })
  expect(periodKeys(Date.UTC(2026, 11, 31, 15, 59))).toEqual({ month: '2026-12', quarter: '2026-Q4', year: '2026' })
  expect(periodKeys(Date.UTC(2026, 5, 30, 12))).toMatchObject({ quarter: '2026-Q2' })
  expect(formatDateTime(Date.UTC(2026, 10, 27, 10, 5))).toBe('2026年11月27日 18:05')
})

test('the quarter before, and period keys in words', () => {
  expect(previousQuarter('2026-Q4')).toBe('2026-Q3')
  expect(previousQuarter('2027-Q1')).toBe('2026-Q4')
  expect(periodWords('2026-Q4')).toBe('2026年第4季度')
  expect(periodWords('2026-01')).toBe('2026年1月')
  expect(periodWords('2026')).toBe('2026年')
  expect(periodWords('全部')).toBe('全部')
})

test('star levels follow the village thresholds', () => {
  expect(starLevel(59)).toBe(0)
  expect(starLevel(60)).toBe(1)
  expect(starLevel(149)).toBe(4)
  expect(starLevel(1000)).toBe(5)
  expect(starLevel(30, [10, 20, 40])).toBe(2)
  expect(starLevel(-5, [10])).toBe(0)
})
