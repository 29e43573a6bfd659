/**
 * npm run indexes — what to create in the cloud console, from core/collections.json, collection by
 * collection in the console's own terms (云开发控制台 → 数据库 → 选中集合 → 索引管理 → 添加索引: 索引名称,
 * 索引属性 唯一/非唯一, 索引字段 with 升序/降序), and the security rule every collection gets
 * (数据权限 → 自定义安全规则: the content of database.rules.json, which closes it to the app).
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
export const RULES_FILE = 'database.rules.json'

interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export function indexInstructions(file = path.join(ROOT, 'core/collections.json')): string[] {
  const { collections } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    collections: Record<string, { indexes?: IndexSpec[] }>
  }
  const rule = fs.readFileSync(path.join(ROOT, RULES_FILE), 'utf8').trim()
  const lines: string[] = []
  let total = 0
  for (const [collection, { indexes = [] }] of Object.entries(collections)) {
    total += indexes.length
    lines.push(`集合 ${collection}: ${indexes.length ? `${indexes.length} 个索引` : '不需要另建索引'}`)
    for (const index of indexes) {
      const fields = Object.entries(index.keys).map(([field, order]) => `${field} ${order === 1 ? '升序' : '降序'}`)
      lines.push(
        `  索引名称 ${index.name}  索引属性 ${index.unique ? '唯一' : '非唯一'}  索引字段 ${fields.join('，')}`
      )
    }
    lines.push(`  数据权限 → 自定义安全规则: ${rule.replace(/\s+/g, ' ')}`)
  }
  lines.push(`共 ${Object.keys(collections).length} 个集合，${total} 个索引。`)
  return lines
}

if (require.main === module) for (const line of indexInstructions()) console.log(line)
