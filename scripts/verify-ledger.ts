/**
 * npm run verify-ledger -- <export.json or export.xlsx> [--heads <published-heads.json>]
 *
 * Recomputes a village's sealed days from an export, with no access to the database: every head's
 * hash and link to the day before, every recorded leaf against the stored entry, every day's root.
 * Says which entry breaks the chain. Exit code 0 when all holds, 1 when something does not, 2 for
 * an unreadable file. See docs/trust.md.
 */
import { readFileSync } from 'node:fs'
import { describeProblem, EXPORT_FORMAT, LedgerExport, verifyExport } from '../core/domain/ledger-export'
import type { TreeHead } from '../core/domain/seal'
import { readExportWorkbook } from '../cloudfunctions/shared/ledger-export-xlsx'

function readJson(file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    console.error(`读不了文件 ${file}: ${(e as Error).message}`)
    process.exit(2)
  }
}

/** An export as JSON, or as the .xlsx that seal.exportFile makes. */
async function readExport(file: string): Promise<LedgerExport> {
  if (!file.toLowerCase().endsWith('.xlsx')) return readJson(file) as LedgerExport
  try {
    return await readExportWorkbook(readFileSync(file))
  } catch (e) {
    console.error(`读不了文件 ${file}: ${(e as Error).message}`)
    process.exit(2)
  }
}

async function main(args: string[]) {
  const headsAt = args.indexOf('--heads')
  const headsFile = headsAt >= 0 ? args[headsAt + 1] : null
  const file = args.filter((_, i) => headsAt < 0 || (i !== headsAt && i !== headsAt + 1))[0]
  if (!file) {
    console.error('用法: npm run verify-ledger -- <导出文件.json 或 .xlsx> [--heads <公布的树头.json>]')
    process.exit(2)
  }
  const data = await readExport(file)
  if (data?.format !== EXPORT_FORMAT) {
    console.error(`${file} 不是积分存证导出文件（format 应为 ${EXPORT_FORMAT}）`)
    process.exit(2)
  }
  const published: TreeHead[] = headsFile ? (readJson(headsFile).heads ?? readJson(headsFile)) : []
  const result = verifyExport(data, published)
  console.log(`${data.villageName}（${data.villageId}）：${result.days} 天存证，${result.entries} 条积分记录`)
  if (published.length) console.log(`对照公布的树头 ${published.length} 个`)
  if (data.unsealed.length) console.log(`还有 ${data.unsealed.length} 条是今天的，明天存证后才能核对`)
  if (result.ok) {
    const last = data.days[data.days.length - 1]?.head
    console.log(
      `核对通过：每一天的树根和树头链都对得上${last ? `（最后一天 ${last.day}，树头 ${last.headHash}）` : ''}`
    )
    process.exit(0)
  }
  console.log(`核对不通过，发现 ${result.problems.length} 处问题：`)
  for (const p of result.problems) console.log(`  ${describeProblem(p)}`)
  process.exit(1)
}

void main(process.argv.slice(2))
