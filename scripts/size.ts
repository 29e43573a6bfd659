/**
 * The size budget of the mini-program: the main package and each subpackage of dist/weapp, with a
 * limit of 512 KiB each (WeChat allows 2 MiB; Taro's runtime alone is ~290 KB). Exits non-zero when
 * a package is over budget.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ensureBuilt } from './ensure-built'

const ROOT = path.resolve(__dirname, '..')
const WEAPP = path.join(ROOT, 'dist/weapp')
const BUDGET = 512 * 1024

function sizeOf(target: string, exclude: string[] = []): number {
  if (exclude.includes(target)) return 0
  const stat = fs.statSync(target)
  if (stat.isFile()) return stat.size
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name), exclude), 0)
}

ensureBuilt(['weapp'])
const app = JSON.parse(fs.readFileSync(path.join(WEAPP, 'app.json'), 'utf8'))
const subpackages: { root: string }[] = app.subPackages ?? app.subpackages ?? []
const subRoots = subpackages.map(s => path.join(WEAPP, s.root))

const rows = [
  { name: 'main', bytes: sizeOf(WEAPP, subRoots) },
  ...subpackages.map(s => ({ name: s.root, bytes: sizeOf(path.join(WEAPP, s.root)) }))
]
let over = false
for (const row of rows) {
  const ok = row.bytes <= BUDGET
  over ||= !ok
  console.log(JSON.stringify({ package: row.name, kib: +(row.bytes / 1024).toFixed(1), budgetKib: BUDGET / 1024, ok }))
}
if (over) {
  console.error('size budget exceeded')
  process.exit(1)
}
