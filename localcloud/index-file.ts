import fs from 'node:fs'
import type { IndexDeclarations, IndexSpec } from './database/store'

/**
 * Reads the project's index declaration: `{ "collections": { "<name>": { "indexes": [ { "name",
 * "keys": { "<field>": 1 | -1 }, "unique"? } ] } } }`. The same file tells an operator which
 * collections and indexes to create in the cloud console.
 */
export function readIndexFile(file: string): IndexDeclarations {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { collections: Record<string, { indexes?: IndexSpec[] }> }
  return Object.fromEntries(Object.entries(parsed.collections).map(([name, c]) => [name, c.indexes ?? []]))
}
