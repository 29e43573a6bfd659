import {
  canMoveRating,
  DEFAULT_PARTY_SETTINGS,
  isFinal,
  memberStars,
  rate,
  settingsProblem,
  starWord,
  yearTotal
} from '../../core/domain/party'

const settings = DEFAULT_PARTY_SETTINGS

test.each([
  [0, 0],
  [59, 0],
  [60, 1],
  [69, 1],
  [70, 2],
  [79, 2],
  [80, 3],
  [89, 3],
  [90, 4],
  [95, 4],
  [96, 5],
  [100, 5]
])('a total of %i gives %i stars (60–69 一星 … ≥96 五星, below 60 不合格)', (total, stars) => {
  expect(memberStars(total, settings.starThresholds)).toBe(stars)
})

test('a town that moves the thresholds moves the edges with them', () => {
  const town = [50, 65, 75, 85, 95]
  expect(memberStars(49, town)).toBe(0)
  expect(memberStars(50, town)).toBe(1)
  expect(memberStars(64, town)).toBe(1)
  expect(memberStars(65, town)).toBe(2)
  expect(memberStars(94, town)).toBe(4)
  expect(memberStars(95, town)).toBe(5)
})

test('the year total is base + points + review, kept on the 100-point scale', () => {
  expect(yearTotal(settings, 12, 18)).toBe(90)
  expect(yearTotal(settings, 40, 20)).toBe(100)
  expect(yearTotal(settings, -80, 0)).toBe(0)
})

test('rating: exempt members are 免评, below the first threshold 不合格', () => {
  expect(starWord(rate(settings, { exempt: true }, 30, 20))).toBe('免评')
  expect(rate(settings, { exempt: false }, -5, 4)).toEqual({ exempt: false, total: 59, stars: 0, failed: true })
  expect(starWord(rate(settings, { exempt: false }, -5, 4))).toBe('不合格')
  expect(rate(settings, { exempt: false }, 20, 16)).toEqual({ exempt: false, total: 96, stars: 5, failed: false })
  expect(starWord(rate(settings, { exempt: false }, 10, 10))).toBe('3星')
})

test('the annual rating moves entered → confirmed → posted → final and never back from posted', () => {
  expect(canMoveRating('entered', 'entered')).toBe(true)
  expect(canMoveRating('entered', 'confirmed')).toBe(true)
  expect(canMoveRating('confirmed', 'entered')).toBe(true)
  expect(canMoveRating('confirmed', 'posted')).toBe(true)
  expect(canMoveRating('posted', 'final')).toBe(true)
  expect(canMoveRating('entered', 'posted')).toBe(false)
  expect(canMoveRating('posted', 'entered')).toBe(false)
  expect(canMoveRating('final', 'entered')).toBe(false)
  expect(canMoveRating('final', 'posted')).toBe(false)
})

test('a posting is final once its days are over', () => {
  expect(isFinal('posted', 1000, 999)).toBe(false)
  expect(isFinal('posted', 1000, 1000)).toBe(true)
  expect(isFinal('final', 5000, 0)).toBe(true)
})

test('settings that cannot work are refused', () => {
  expect(settingsProblem(settings)).toBeNull()
  expect(settingsProblem({ ...settings, starThresholds: [60, 70, 70, 90, 96] })).toBe('星级分数线要从低到高')
  expect(settingsProblem({ ...settings, starThresholds: [60, 70, 80] })).toBe('要设5个星级的分数线')
  expect(settingsProblem({ ...settings, starThresholds: [60, 70, 80, 90, 101] })).toBe('五星分数线不能超过满分')
})
