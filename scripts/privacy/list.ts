/**
 * npm run privacy — the privacy interfaces the app calls, from its code, with the purpose the app
 * declares for each (src/services/privacy.ts), grouped as the admin console's 用户隐私保护指引 asks for
 * them, ready to paste. Exits non-zero when the code uses an interface the app does not declare, or
 * declares one it no longer uses.
 */
import { PRIVACY_USES } from '../../src/services/privacy-uses'
import { kindOf } from './catalogue'
import { scanSources } from './scan'

export function comparePrivacyUses() {
  const found = scanSources()
  const declared = new Map(PRIVACY_USES.map(u => [u.api, u]))
  return {
    found,
    undeclared: found.filter(f => !declared.has(f.api)),
    unused: PRIVACY_USES.filter(u => !found.some(f => f.api === u.api)).map(u => u.api),
    misfiled: PRIVACY_USES.filter(u => kindOf(u.api) !== u.info).map(u => `${u.api}: ${u.info} ≠ ${kindOf(u.api)}`)
  }
}

if (require.main === module) {
  const { found, undeclared, unused, misfiled } = comparePrivacyUses()
  const byKind = new Map<string, typeof PRIVACY_USES>()
  for (const use of PRIVACY_USES) byKind.set(use.info, [...(byKind.get(use.info) ?? []), use])
  console.log('用户隐私保护指引 (小程序管理后台 → 设置 → 服务内容声明 → 用户隐私保护指引):\n')
  for (const [kind, uses] of byKind) {
    console.log(`【${kind}】 ${uses.map(u => u.api).join('、')}`)
    for (const u of uses) console.log(`  开发者收集你的「${kind}」，用于${u.purpose}。`)
    const files = found.filter(f => uses.some(u => u.api === f.api)).flatMap(f => f.files)
    console.log(`  (used in ${files.join(', ')})\n`)
  }
  for (const f of undeclared)
    console.error(`${f.api} is used (${f.files.join(', ')}) but not declared in src/services/privacy-uses.ts`)
  for (const api of unused) console.error(`${api} is declared in src/services/privacy-uses.ts but no longer used`)
  for (const line of misfiled) console.error(`wrong kind of information: ${line}`)
  if (undeclared.length || unused.length || misfiled.length) process.exit(1)
}
