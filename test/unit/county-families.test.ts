import { buildCountyVillage, countyPlaces } from '../../scripts/seed/county-data'
import { GIVEN_NAMES } from '../../scripts/seed/county-names'

/**
 * The county that seed:county writes reads like a county's register: real-looking names (no 王建国1,
 * 王建国2), each member's given name of their gender, nobody sharing the head's or another member's name,
 * one spouse at most, enough different names that a village is not a hall of namesakes, and the same
 * county from the same seed.
 */
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const { villages } = countyPlaces(0.1)
const sample = villages.filter(v => v.index % 20 === 3)
const households = sample.flatMap(v => buildCountyVillage(v, NOW, 1).households)
const givenOf = (gender: '男' | '女') => new Set(Object.values(GIVEN_NAMES).flatMap(g => g[gender]))

test('names are a surname and a given name of the member’s gender, without numbers', () => {
  const misfits: string[] = []
  for (const h of households)
    for (const m of h.members)
      if (!/^[\u4e00-\u9fff]{2,3}$/.test(m.name) || !givenOf(m.gender).has(m.name.slice(1)))
        misfits.push(`${h.head}的${m.relation}${m.name}（${m.gender}）`)
  expect(misfits).toEqual([])
  expect(households.length).toBeGreaterThan(500)
})

test('no given name counts as both genders', () => {
  const both = [...givenOf('男')].filter(name => givenOf('女').has(name))
  expect(both).toEqual([])
})

test('the head is the first member, no member shares another’s name, one spouse at most', () => {
  for (const h of households) {
    expect(h.members[0]).toMatchObject({ name: h.head, relation: '户主' })
    const names = h.members.map((m: { name: string }) => m.name)
    expect(new Set(names).size).toBe(names.length)
    expect(h.members.filter((m: { relation: string }) => m.relation === '配偶').length).toBeLessThanOrEqual(1)
    const spouse = h.members.find((m: { relation: string }) => m.relation === '配偶')
    if (spouse) expect(spouse.gender).not.toBe(h.members[0].gender)
  }
})

test('a village of the full county has many different names: most heads’ names are theirs alone', () => {
  const fullScale = countyPlaces(1).villages
  for (const v of [fullScale[3], fullScale[64]]) {
    const heads = buildCountyVillage(v, NOW, 1).households.map(h => h.head)
    expect(heads.length).toBeGreaterThan(1000)
    expect(new Set(heads).size / heads.length).toBeGreaterThan(0.7)
  }
})

test('the same seed gives the same county, another seed another one', () => {
  const again = buildCountyVillage(sample[0], NOW, 1).households
  expect(again.map(h => h.members)).toEqual(households.slice(0, again.length).map(h => h.members))
  const other = buildCountyVillage(sample[0], NOW, 2).households
  expect(other.map(h => h.head)).not.toEqual(again.map(h => h.head))
})
