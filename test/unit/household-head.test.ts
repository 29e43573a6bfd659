import {
  headAfterBinding,
  headAfterRenaming,
  headAfterUnbinding,
  headAmong,
  headNameOf
} from '../../cloudfunctions/api/services/household-head'

const members = [
  { name: '王建军', relation: '户主', partyMember: false },
  { name: '王秀英', relation: '母亲', partyMember: false }
]
const users = (names: Record<string, string>) =>
  new Map(Object.entries(names).map(([openid, name]) => [openid, { name }]))

test('the head’s name comes from the member recorded as 户主, else the household’s head field', () => {
  expect(headNameOf({ head: '王秀英', members })).toBe('王建军')
  expect(headNameOf({ head: '王秀英', members: [] })).toBe('王秀英')
})

test('the first bound user carrying the head’s name becomes the head; later namesakes do not', () => {
  const h = { head: '王建军', members, boundUsers: [] as string[], headUser: null }
  expect(headAfterBinding(h, 'mother', '王秀英')).toBeNull()
  expect(headAfterBinding(h, 'son', '王建军')).toBe('son')
  expect(headAfterBinding({ ...h, headUser: 'son' }, 'namesake', '王建军')).toBe('son')
  expect(headAfterUnbinding({ ...h, headUser: 'son' }, 'son')).toEqual({ headUser: null, headMarked: false })
  expect(headAfterUnbinding({ ...h, headUser: 'son' }, 'mother')).toEqual({ headUser: 'son' })
})

test('a new name as 户主: a head marked by hand stays, a head found by name is found again', () => {
  const h = { head: '王建军', members, boundUsers: ['son', 'mother'], headUser: 'son' }
  const renamed = { head: '王建俊', members: [{ ...members[0], name: '王建俊' }, members[1]] }
  const names = users({ son: '王建军', mother: '王秀英' })
  expect(headAfterRenaming({ ...h, headMarked: true }, renamed, names)).toBe('son')
  expect(headAfterRenaming(h, renamed, names)).toBeNull()
  expect(headAfterRenaming({ ...h, headMarked: true, headUser: null }, renamed, users({ son: '王建俊' }))).toBe('son')
})

test('a household bound before heads were kept: the one bound user with the head’s name, none when two are', () => {
  const h = { head: '王建军', members, boundUsers: ['son', 'mother'] }
  expect(headAfterBinding(h, 'later', '王建军')).toBeUndefined()
  expect(headAmong(h, users({ son: '王建军', mother: '王秀英' }))).toBe('son')
  expect(headAmong({ ...h, boundUsers: ['son', 'mother', 'x'] }, users({ son: '王建军', x: '王建军' }))).toBeNull()
  // a user of that name who is not bound to the household is nobody's head
  expect(headAmong({ ...h, boundUsers: ['mother'] }, users({ son: '王建军', mother: '王秀英' }))).toBeNull()
})
