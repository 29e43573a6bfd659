import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
  // a role goes only to someone who has opened the app
  await env.call('new-town-admin', 'me.session', {})
  await env.call('x-user-1', 'me.session', {})
  await env.call('new-cadre', 'me.session', {})
  await env.call('new-grid', 'me.session', {})
})
afterAll(() => env.close())

const ok = (reply: any) => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}

test('a villager joins a household with a join code; the cadre sees the binding and can undo it', async () => {
  const code = ok(
    await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-015', days: 7 })
  )
  expect(code.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  expect(await env.call('new-villager', 'archive.home')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })

  const joined = ok(
    await env.call('new-villager', 'join.bind', { requestId: rid(), code: code.code.toLowerCase(), name: '孙小梅' })
  )
  expect(joined).toMatchObject({ householdId: 'h-xf-015', villageName: '新丰村' })
  expect(ok(await env.call('new-villager', 'archive.home')).card.householdId).toBe('h-xf-015')
  expect(ok(await env.call('new-villager', 'me.session'))).toMatchObject({
    name: '孙小梅',
    roles: [{ role: 'villager', placeName: '新丰村' }]
  })
  // a second family member may use the same code; one person binds to one household only
  expect(
    await env.call('new-villager', 'join.bind', { requestId: rid(), code: code.code, name: '孙小梅' })
  ).toMatchObject({ ok: false, code: 'ALREADY_BOUND' })

  const detail = ok(await env.call('demo-cadre', 'cadre.household', { householdId: 'h-xf-015' }))
  expect(detail.bindings).toEqual([expect.objectContaining({ openid: 'new-villager', name: '孙小梅' })])
  expect(detail.joinCodes.map((c: any) => c.code)).toContain(code.code)

  expect(
    ok(
      await env.call('demo-cadre', 'binding.remove', {
        requestId: rid(),
        householdId: 'h-xf-015',
        openid: 'new-villager'
      })
    )
  ).toEqual({ removed: true })
  // holding no role any more, they are told to join again
  expect(await env.call('new-villager', 'archive.home')).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  expect(ok(await env.call('demo-cadre', 'cadre.household', { householdId: 'h-xf-015' })).bindings).toEqual([])
})

test('a revoked or expired join code binds nobody', async () => {
  const code = ok(
    await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-016', days: 1 })
  )
  ok(await env.call('demo-cadre', 'joinCode.revoke', { requestId: rid(), code: code.code }))
  expect(await env.call('someone-a', 'join.bind', { requestId: rid(), code: code.code, name: '甲' })).toMatchObject({
    ok: false,
    code: 'CODE_INVALID'
  })

  const old = ok(await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-016', days: 1 }))
  await env.db
    .collection('joinCodes')
    .doc(old.code)
    .update({ data: { expiresAt: Date.UTC(2026, 10, 1) } })
  expect(await env.call('someone-a', 'join.bind', { requestId: rid(), code: old.code, name: '甲' })).toMatchObject({
    ok: false,
    code: 'CODE_INVALID'
  })
  expect((await env.db.collection('users').where({ _id: 'someone-a' }).count()).total).toBe(0)
})

test('issuing a join code again with the same request id gives the same code', async () => {
  const requestId = rid()
  const a = ok(await env.call('demo-cadre', 'joinCode.issue', { requestId, householdId: 'h-xf-017', days: 7 }))
  await env.db.collection('requests').doc(`demo-cadre:joinCode.issue:${requestId}`).remove()
  const b = ok(await env.call('demo-cadre', 'joinCode.issue', { requestId, householdId: 'h-xf-017', days: 7 }))
  expect(b.code).toBe(a.code)
  expect((await env.db.collection('joinCodes').where({ householdId: 'h-xf-017' }).count()).total).toBe(1)
})

test('a role goes only to a number someone has opened the app with', async () => {
  const grant = (openid: string) =>
    env.call('demo-cadre', 'roles.grant', {
      requestId: rid(),
      openid,
      name: '新人',
      role: 'gridWorker',
      placeIds: ['g-xf-1']
    })
  const refused = await grant('made-up-number')
  expect(refused).toMatchObject({ ok: false, code: 'NEVER_OPENED' })
  expect((refused as any).message).toContain('还没有打开过小程序')
  expect(await env.db.collection('users').where({ _id: 'made-up-number' }).count()).toMatchObject({ total: 0 })
  expect(await env.db.collection('grants').where({ openid: 'made-up-number' }).count()).toMatchObject({ total: 0 })
  // having opened the app, the same number holds nothing yet, and can be given the role
  expect(await env.call('made-up-number', 'me.session', {})).toMatchObject({ ok: true, data: { roles: [] } })
  expect(await env.call('made-up-number', 'me.setPreferences', { requestId: rid(), largeFont: true })).toMatchObject({
    ok: false,
    code: 'NOT_REGISTERED'
  })
  ok(await grant('made-up-number'))
  expect(ok(await env.call('made-up-number', 'me.session', {})).roles.map((r: any) => r.role)).toEqual(['gridWorker'])
})

test('roles are granted by the level above: county → town administrator → cadre → grid worker', async () => {
  for (const openid of ['new-town-admin', 'new-cadre', 'new-grid']) await env.call(openid, 'me.session', {})
  ok(
    await env.call('demo-county', 'roles.grant', {
      requestId: rid(),
      openid: 'new-town-admin',
      name: '钱镇长',
      role: 'townAdmin',
      placeIds: ['t-xiangyang']
    })
  )
  expect(
    await env.call('new-town-admin', 'roles.grant', {
      requestId: rid(),
      openid: 'x-user-1',
      name: '某',
      role: 'townAdmin',
      placeIds: ['t-xiangyang']
    })
  ).toMatchObject({
    ok: false,
    code: 'GRANT_NOT_ALLOWED'
  })
  ok(
    await env.call('new-town-admin', 'roles.grant', {
      requestId: rid(),
      openid: 'new-cadre',
      name: '孙书记',
      role: 'cadre',
      placeIds: ['v-jinqiao']
    })
  )
  expect(ok(await env.call('new-cadre', 'cadre.households', {})).households[0].householdId).toMatch(/^h-jq-/)
  ok(
    await env.call('new-cadre', 'roles.grant', {
      requestId: rid(),
      openid: 'new-grid',
      name: '网格员小周',
      role: 'gridWorker',
      placeIds: ['g-jq-1', 'g-jq-2']
    })
  )
  expect(ok(await env.call('new-grid', 'me.session')).roles).toEqual([
    { role: 'gridWorker', label: '网格员', placeName: '金桥村' }
  ])

  const listed = ok(await env.call('new-town-admin', 'roles.list', {}))
  expect(listed.grants.map((g: any) => g.openid)).toEqual(
    expect.arrayContaining(['new-cadre', 'demo-cadre', 'demo-cadre-jq'])
  )
  expect(listed.grantable).toEqual(['cadre'])

  expect(
    ok(await env.call('new-town-admin', 'roles.revoke', { requestId: rid(), openid: 'new-cadre', role: 'cadre' }))
  ).toEqual({ revoked: true })
  expect(await env.call('new-cadre', 'cadre.households', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  // revoking again changes nothing
  expect(
    ok(await env.call('new-town-admin', 'roles.revoke', { requestId: rid(), openid: 'new-cadre', role: 'cadre' }))
  ).toEqual({ revoked: false })
})

test('a town template is adopted by a village and then adjusted there', async () => {
  const template = ok(
    await env.call('demo-town', 'templates.save', {
      requestId: rid(),
      name: '向阳镇补充细则',
      items: [
        {
          key: 'river',
          category: '人居环境',
          title: '河长制：门前河段无垃圾',
          points: { min: 5, max: 5 },
          cap: { period: 'quarter', max: 15 },
          evidenceRequired: false,
          proposers: ['cadre', 'gridWorker']
        }
      ]
    })
  )
  expect(template).toMatchObject({ ownerId: 't-xiangyang', ownerName: '向阳镇' })
  const catalogue = ok(await env.call('demo-cadre', 'rules.list', {}))
  expect(catalogue.templates.map((t: any) => t.id)).toEqual(expect.arrayContaining(['t-county-default', template.id]))

  expect(
    ok(await env.call('demo-cadre', 'rules.adoptTemplate', { requestId: rid(), templateId: template.id }))
  ).toEqual({ added: 1, kept: 0 })
  expect(
    ok(await env.call('demo-cadre', 'rules.adoptTemplate', { requestId: rid(), templateId: template.id }))
  ).toEqual({ added: 0, kept: 1 })
  const adopted = ok(await env.call('demo-villager', 'archive.rules', {})).rules.find(
    (r: any) => r.title === '河长制：门前河段无垃圾'
  )
  expect(adopted).toMatchObject({ cap: { period: 'quarter', max: 15 }, version: 1 })

  const { id: ruleId, active: _active, version: _version, ...terms } = adopted
  const adjusted = ok(
    await env.call('demo-cadre', 'rules.save', {
      requestId: rid(),
      ruleId,
      terms: { ...terms, points: { min: 5, max: 10 } }
    })
  )
  expect(adjusted).toMatchObject({ points: { min: 5, max: 10 }, version: 2 })
  // the other village did not adopt it
  expect(ok(await env.call('demo-cadre-jq', 'rules.list', {})).rules.map((r: any) => r.title)).not.toContain(
    '河长制：门前河段无垃圾'
  )
})

test('star levels follow the thresholds the village sets', async () => {
  const before = ok(await env.call('demo-villager', 'archive.home')).card
  ok(await env.call('demo-cadre', 'village.setStars', { requestId: rid(), thresholds: [1, 2, 3] }))
  expect(ok(await env.call('demo-villager', 'archive.home')).card.stars).toBe(
    before.earned >= 3 ? 3 : before.earned >= 2 ? 2 : before.earned >= 1 ? 1 : 0
  )
  ok(await env.call('demo-cadre', 'village.setStars', { requestId: rid(), thresholds: [100000] }))
  expect(ok(await env.call('demo-villager', 'archive.home')).card.stars).toBe(0)
  expect(ok(await env.call('demo-villager', 'archive.rules', {})).starThresholds).toEqual([100000])
})

test('the ranking lists the village by points and shows my own place even outside the page', async () => {
  for (const period of ['month', 'year', 'all'] as const) {
    const ranking = ok(await env.call('demo-villager', 'archive.ranking', { period }))
    const points = ranking.rows.map((r: any) => r.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    expect(ranking.rows.length).toBeLessThanOrEqual(20)
    expect(ranking.me.householdId).toBe('h-xf-012')
    const field = { month: 'monthPoints', year: 'yearPoints', all: 'earned' }[period]
    const key = { month: ['monthKey', '2026-11'], year: ['yearKey', '2026'], all: null }[period]
    const village = (await env.db.collection('households').where({ villageId: 'v-xinfeng' }).limit(100).get()).data
    const counted = village.filter((h: any) => !key || h[key[0]] === key[1])
    expect(ranking.me.rank).toBe(counted.filter((h: any) => h[field] > ranking.me.points).length + 1)
  }
  // page 2 of 24 households holds the last 4
  const second = ok(await env.call('demo-cadre', 'archive.ranking', { period: 'all', page: 2 }))
  expect(second.rows).toHaveLength(4)
  expect(second.me).toBeNull()
})

test('a cadre finds households by door plate or head of household', async () => {
  const byPlate = ok(await env.call('demo-cadre', 'cadre.households', { query: '2组12号' }))
  expect(byPlate.households.map((h: any) => h.householdId)).toEqual(['h-xf-012'])
  const byHead = ok(await env.call('demo-cadre', 'cadre.households', { query: '王秀英' }))
  expect(byHead.households[0]).toMatchObject({ householdId: 'h-xf-012', head: '王秀英', groupName: '2组' })
  expect(ok(await env.call('demo-cadre', 'cadre.households', { query: '.*' })).households).toEqual([])
})

test('a cadre registers a new household and edits it; its points stay the ledger’s', async () => {
  const before = ok(await env.call('demo-villager', 'archive.home')).card.householdsInVillage
  const input = {
    requestId: rid(),
    doorPlate: '3组25号',
    head: '何春花',
    groupId: 'grp-xf-3',
    gridId: 'g-xf-2',
    members: [{ name: '何春花', relation: '户主', partyMember: false }]
  }
  const created = ok(await env.call('demo-cadre', 'household.save', input))
  // a retry registers it once
  expect(ok(await env.call('demo-cadre', 'household.save', input)).householdId).toBe(created.householdId)
  // the count changes on every household's copy of the village facts, and nothing else of them does
  expect(ok(await env.call('demo-villager', 'archive.home')).card).toMatchObject({
    householdsInVillage: before + 1,
    villageName: '新丰村',
    postingDays: 7
  })
  const found = ok(await env.call('demo-cadre', 'cadre.households', { query: '何春花' })).households
  expect(found).toEqual([
    expect.objectContaining({ householdId: created.householdId, doorPlate: '3组25号', balance: 0, groupName: '3组' })
  ])

  ok(
    await env.call('demo-cadre', 'household.save', {
      ...input,
      requestId: rid(),
      householdId: created.householdId,
      members: [...input.members, { name: '何小军', relation: '子', partyMember: true }]
    })
  )
  expect(
    ok(await env.call('demo-cadre', 'cadre.household', { householdId: created.householdId })).members
  ).toHaveLength(2)

  expect(
    await env.call('demo-cadre', 'household.save', { ...input, requestId: rid(), doorPlate: '2组12号' })
  ).toMatchObject({ ok: false, code: 'DOOR_PLATE_TAKEN' })
  expect(
    await env.call('demo-cadre', 'household.save', {
      ...input,
      requestId: rid(),
      doorPlate: '3组26号',
      groupId: 'grp-jq-1'
    })
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(
    await env.call('demo-cadre-jq', 'household.save', { ...input, requestId: rid(), householdId: created.householdId })
  ).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
})
