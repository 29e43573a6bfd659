import { rateCutText } from '../../src/packages/participation/components/rate-cut'

test('an interest estimate that takes nothing off says so in words, not 少0个百分点', () => {
  expect(rateCutText(0)).toBe('暂无优惠')
  expect(rateCutText(0.35)).toBe('少0.35个百分点')
})
