/**
 * npm run indexes: every collection and index of core/collections.json, in the console's terms, with the
 * security rule that closes each collection to the app (every read and write goes through the api function).
 */
import fs from 'node:fs'
import path from 'node:path'
import { RULES_FILE, indexInstructions } from '../../scripts/indexes'
import { ROOT } from '../helpers/local-cloud'

const declared = JSON.parse(fs.readFileSync(path.join(ROOT, 'core/collections.json'), 'utf8')).collections as Record<
  string,
  { indexes: { name: string; keys: Record<string, number> }[] }
>

test('every collection is listed with each of its indexes and the closing rule', () => {
  const lines = indexInstructions()
  for (const [collection, { indexes }] of Object.entries(declared)) {
    const at = lines.findIndex(l => l.startsWith(`集合 ${collection}: `))
    expect(at).toBeGreaterThanOrEqual(0)
    const block = lines.slice(at + 1, at + 2 + indexes.length)
    expect(block.filter(l => l.includes('索引名称')).map(l => l.split(/\s+/)[2])).toEqual(indexes.map(i => i.name))
    expect(block[indexes.length]).toBe('  数据权限 → 自定义安全规则: { "read": false, "write": false }')
  }
  const total = Object.values(declared).reduce((n, c) => n + c.indexes.length, 0)
  expect(lines.at(-1)).toBe(`共 ${Object.keys(declared).length} 个集合，${total} 个索引。`)
})

test('an index reads as the console asks for it: name, uniqueness, fields with their order', () => {
  expect(indexInstructions()).toContain(
    '  索引名称 village_earned  索引属性 非唯一  索引字段 villageId 升序，earned 降序'
  )
})

test('the security rule closes every collection to reads and writes from the app', () => {
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, RULES_FILE), 'utf8'))).toEqual({ read: false, write: false })
})
