import declaration from '../../core/collections.json'
import type { Database } from './context'
import { isCollectionExisting } from './data/db-errors'

const COLLECTIONS = Object.keys(declaration.collections)

/**
 * Creates every collection the product uses, as the cloud requires before the first write. Safe to
 * run again: a collection that exists is left as it is.
 */
export async function ensureCollections(db: Database): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = []
  const existing: string[] = []
  for (const name of COLLECTIONS) {
    try {
      await db.createCollection(name)
      created.push(name)
    } catch (e) {
      if (!isCollectionExisting(e)) throw e
      existing.push(name)
    }
  }
  return { created, existing }
}
