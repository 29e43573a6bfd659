import { buildDemoCounty } from '../../scripts/seed/demo-county'

/**
 * What the demo county shows on screen is plain Chinese: no text a villager reads (a service's guide, a
 * notice, a rule, goods) mixes in English words. Ids and codes hold no Chinese, so a string with
 * Chinese in it is text for people.
 */
test('no text of the demo county mixes English words into Chinese', () => {
  const mixed: string[] = []
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/[\u4e00-\u9fff]/.test(value) && /[A-Za-z]{2,}/.test(value)) mixed.push(value)
    } else if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') Object.values(value).forEach(walk)
  }
  walk(buildDemoCounty(Date.UTC(2026, 10, 27, 4, 0)))
  expect(mixed).toEqual([])
})
