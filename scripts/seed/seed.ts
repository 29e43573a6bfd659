import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { withSchemaVersion } from '../../cloudfunctions/shared/data/schema-version'
import { buildDemoCounty } from './demo-county'
import { sealAllVillages } from '../../cloudfunctions/timer/sealing'
import { dayOf, dayRange } from '../../core/domain/seal'

type Db = any

/**
 * Writes the demo county through the real wx-server-sdk; does nothing if it is already there. With
 * `seal`, the days before today are sealed (存证) as the hourly timer would have done (npm start);
 * the route tests leave sealing to the tests that are about it.
 */
export async function seedDemo(
  db: Db,
  now = Date.now(),
  options: { seal?: boolean; photo?: string } = {}
): Promise<boolean> {
  await ensureCollections(db)
  const existing = await db.collection('places').where({ _id: 'county' }).count()
  if (existing.total > 0) return false
  const data = buildDemoCounty(now)
  if (options.photo) attachPhoto(data, options.photo, now)
  for (const [collection, docs] of Object.entries(data)) {
    // the demo is built by this code, so its documents are at this code's schema version
    const stored = docs.map((d: object) => withSchemaVersion(d))
    for (let i = 0; i < stored.length; i += 200) await db.collection(collection).add({ data: stored.slice(i, i + 200) })
  }
  if (options.seal) await sealAllVillages(db, now, SEAL_DAYS_MAX)
  return true
}

/**
 * 李建国's (1组1号) newest entry before today gets a photo (on the entry and on the home card's copy),
 * so that his home card opens a sealed entry with its evidence. His household, because the other
 * browser tests write few entries to it that would push this one off the card's five.
 */
function attachPhoto(data: ReturnType<typeof buildDemoCounty>, fileID: string, now: number) {
  const today = dayRange(dayOf(now)).fromMs
  const household = data.households.find(h => h._id === 'h-xf-001')!
  const shown = new Set(household.latest.map((e: { id: string }) => e.id))
  const entry = data.entries
    .filter(e => e.householdId === household._id && e.at < today && shown.has(e._id))
    .sort((a, b) => b.at - a.at)[0]
  if (!entry) return
  entry.evidence = [fileID]
  entry.note = entry.note || '村委检查时拍照留存'
  for (const e of household.latest) if (e.id === entry._id) Object.assign(e, { evidence: [fileID], note: entry.note })
}

/** The demo's history (party entries go back to January), sealed in one go. */
const SEAL_DAYS_MAX = 400
