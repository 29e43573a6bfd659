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
  yearPoints: 120
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
        { id: 'e1', points: 15, kind: 'award', title: '宅前屋后干净整洁', category: '人居环境', note: '', at: Date.UTC(2026, 10, 27, 2, 0), byName: '张德明', evidence: [] },
        { id: 'e2', points: -5, kind: 'deduction', title: '乱堆乱放', category: '人居环境', note: '已拍照留存', at: Date.UTC(2026, 10, 20, 16, 30), byName: '张德明', evidence: [] }
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
