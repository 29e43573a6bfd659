import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { buildDemoCounty } from './demo-county'

type Db = any

/** Writes the demo county through the real wx-server-sdk; does nothing if it is already there. */
export async function seedDemo(db: Db, now = Date.now()): Promise<boolean> {
  await ensureCollections(db)
  const existing = await db.collection('places').where({ _id: 'county' }).count()
  if (existing.total > 0) return false
  const data = buildDemoCounty(now)
  for (const [collection, docs] of Object.entries(data)) {
    for (let i = 0; i < docs.length; i += 200) await db.collection(collection).add({ data: docs.slice(i, i + 200) })
  }
  return true
}
