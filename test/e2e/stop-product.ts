import fs from 'node:fs'

export default async function stopProduct() {
  const { child, dataDir } = (globalThis as any).__PRODUCT__
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
}
