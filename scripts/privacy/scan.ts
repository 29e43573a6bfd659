/**
 * Which privacy interfaces the app's code uses: `Taro.x(` or `wx.x(` calls of an interface in the
 * catalogue, `openType="…"` / `type="…"` attributes and the Camera component, in the sources under src/
 * (the build's runtime names every API in a table, so the sources are what tells what is called).
 */
import fs from 'node:fs'
import path from 'node:path'
import { PRIVACY_INTERFACES } from './catalogue'

const ROOT = path.resolve(__dirname, '../..')
const ALL = new Set(Object.values(PRIVACY_INTERFACES).flat())

export interface PrivacyUseFound {
  api: string
  /** files under src/ that use it, relative to the repository */
  files: string[]
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(full)
    return /\.(tsx?|jsx?)$/.test(entry.name) ? [full] : []
  })
}

/** the interfaces one source uses */
export function interfacesIn(code: string): string[] {
  const found = new Set<string>()
  for (const m of code.matchAll(/\b(?:Taro|wx)\.([a-zA-Z]+)\s*\(/g)) if (ALL.has(m[1])) found.add(m[1])
  for (const m of code.matchAll(/\bopenType=["'{]+([a-zA-Z]+)/g)) found.add(`open-type=${m[1]}`)
  if (/\btype=["']nickname["']/.test(code)) found.add('type=nickname')
  if (/<Camera\b/.test(code)) found.add('<Camera')
  return [...found].filter(api => ALL.has(api)).sort()
}

export function scanSources(srcDir = path.join(ROOT, 'src')): PrivacyUseFound[] {
  const byApi = new Map<string, string[]>()
  for (const file of sourcesUnder(srcDir)) {
    for (const api of interfacesIn(fs.readFileSync(file, 'utf8'))) {
      byApi.set(api, [...(byApi.get(api) ?? []), path.relative(ROOT, file)])
    }
  }
  return [...byApi.entries()].map(([api, files]) => ({ api, files })).sort((a, b) => a.api.localeCompare(b.api))
}
