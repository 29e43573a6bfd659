import { buildDemoCounty, genderOfName, GIVEN_BY_GENDER, RELATION_GENDER } from '../../scripts/seed/demo-county'

/**
 * The demo's families read like families: each member's given name is of the gender their relation
 * to the head says (a 孙女 is a girl, a 儿媳 a woman, a spouse the other gender of the head), nobody
 * shares the head's full name, and no two people of a household have the same name.
 */
const households = buildDemoCounty(Date.UTC(2026, 10, 27, 4, 0)).households

test('every member’s name fits the gender of their relation to the head', () => {
  const misfits: string[] = []
  for (const h of households)
    for (const m of h.members.slice(1)) {
      const wanted = RELATION_GENDER[m.relation]
      expect(wanted).toBeDefined()
      const gender = wanted === 'otherThanHead' ? (genderOfName(h.head) === 'male' ? 'female' : 'male') : wanted
      if (!GIVEN_BY_GENDER[gender].includes(m.name.slice(1))) misfits.push(`${h.head}的${m.relation}${m.name}`)
    }
  expect(misfits).toEqual([])
})

test('the head is the first member, no member shares another’s name, and there is one spouse at most', () => {
  for (const h of households) {
    expect(h.members[0]).toMatchObject({ name: h.head, relation: '户主' })
    const names = h.members.map((m: { name: string }) => m.name)
    expect(new Set(names).size).toBe(names.length)
    expect(h.members.filter((m: { relation: string }) => m.relation === '配偶').length).toBeLessThanOrEqual(1)
  }
})

test('the demo still has the families it is known by: 王秀英 and 李建国 head their households', () => {
  const byId = new Map(households.map(h => [h._id, h]))
  expect(byId.get('h-xf-012')?.head).toBe('王秀英')
  expect(byId.get('h-xf-001')?.head).toBe('李建国')
  expect(households.reduce((n, h) => n + h.members.length, 0)).toBeGreaterThan(households.length)
})
