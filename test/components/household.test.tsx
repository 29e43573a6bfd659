import { render, screen } from '@testing-library/react'
import { HouseholdCard } from '../../src/components/HouseholdCard'
import { EntryList } from '../../src/components/EntryList'

const card = {
  householdId: 'h-1',
  doorPlate: '新丰村2组12号',
  head: '王秀英',
  villageName: '新丰村',
  balance: 135,
  earned: 150,
  stars: 4,
  rankInVillage: 3,
  householdsInVillage: 24,
  monthPoints: 15,
  yearPoints: 120,
  postingDays: 7
}

test('the household card shows the balance first, then stars, rank and this period', () => {
  const { container } = render(<HouseholdCard card={card} />)
  expect(screen.getByTestId('balance').textContent).toBe('135')
  const text = container.textContent ?? ''
  expect(text).toContain('4星级文明户')
  expect(text).toContain('★★★★☆')
  expect(text).toContain('第3名')
  expect(text).toContain('全村24户')
  expect(text).toContain('户主 王秀英')
  expect(text.indexOf('135')).toBeLessThan(text.indexOf('第3名'))
})

test('a household without stars is told so plainly', () => {
  const { container } = render(<HouseholdCard card={{ ...card, balance: 20, stars: 0 }} />)
  expect(container.textContent).toContain('还不是星级户')
})

test('entries show signed points, kind, category and Shanghai time', () => {
  const { container } = render(
    <EntryList
      entries={[
        {
          id: 'e1',
          points: 15,
          kind: 'award',
          title: '宅前屋后干净整洁',
          category: '人居环境',
          note: '',
          at: Date.UTC(2026, 10, 27, 2, 0),
          byName: '张德明',
          evidence: []
        },
        {
          id: 'e2',
          points: -5,
          kind: 'deduction',
          title: '乱堆乱放',
          category: '人居环境',
          note: '已拍照留存',
          at: Date.UTC(2026, 10, 20, 16, 30),
          byName: '张德明',
          evidence: []
        }
      ]}
    />
  )
  const text = container.textContent ?? ''
  expect(text).toContain('+15')
  expect(text).toContain('-5')
  expect(text).toContain('加分 · 人居环境 · 2026年11月27日 10:00')
  expect(text).toContain('扣分 · 人居环境 · 2026年11月21日 00:30')
  expect(text).toContain('已拍照留存')
})

test('an empty archive says so', () => {
  const { container } = render(<EntryList entries={[]} />)
  expect(container.textContent).toBe('还没有积分记录')
})

test('scores still in the public posting are marked 公示中; older ones and shop entries are not', () => {
  const now = Date.now()
  const base = { category: '人居环境', note: '', byName: '张德明', evidence: [] }
  const { container } = render(
    <EntryList
      postingDays={7}
      entries={[
        { ...base, id: 'new', points: 10, kind: 'award', title: '新加的分', at: now - 2 * 86_400_000 },
        { ...base, id: 'old', points: 10, kind: 'award', title: '上个月的分', at: now - 30 * 86_400_000 },
        { ...base, id: 'shop', points: -5, kind: 'redemption', title: '换肥皂', at: now - 3600_000 }
      ]}
    />
  )
  const rows = Array.from(container.querySelectorAll('.entry-list__row')).map(r => r.textContent ?? '')
  expect(rows.map(r => r.includes('公示中'))).toEqual([true, false, false])
})
