import { render } from '@testing-library/react'
import { TrendChart } from '../../src/packages/county/TrendChart'

const month = (m: string, coverage: number | null, participation: number | null, awarded = 0) => ({
  month: m,
  coverage,
  participation,
  awarded,
  deducted: 0
})

test('a month with no figure is shown as none, not as a bar of 0 %', () => {
  const { container } = render(
    <TrendChart
      points={[month('2026-09', null, null, 700), month('2026-10', 0, 0, 750), month('2026-11', 72, 100, 820)]}
    />
  )
  const bars = [...container.querySelectorAll('[data-testid="trend-bar"]')]
  const coverage = bars.filter(b => b.getAttribute('data-row') === '覆盖率')
  expect(coverage.map(b => b.getAttribute('data-value'))).toEqual(['none', '0', '72'])
  // a month without a figure draws no bar and says so; 0 % draws the floor and says 0
  expect(coverage[0].textContent).toBe('—')
  expect((coverage[0].querySelector('[data-testid="trend-fill"]') as HTMLElement | null)?.style.height).toBe('0px')
  expect(coverage[1].textContent).toBe('0')
  expect(container.textContent).toContain('—：那个月还没有统计')
})
