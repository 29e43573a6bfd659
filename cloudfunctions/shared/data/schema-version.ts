/**
 * The schema version of the documents this code writes: the version of the last numbered migration
 * (setup/migrations.ts; a test keeps the two equal). A stored document without `schemaVersion` is at
 * version 0, the data of the releases before migrations.
 */
export const SCHEMA_VERSION = 3

/**
 * The document as it is stored: with the current schema version, unless it already carries one (a
 * document rebuilt from a stored one keeps that one's version, so a migration still upgrades it).
 */
export const withSchemaVersion = <T extends object>(doc: T): T & { schemaVersion: number } => ({
  schemaVersion: SCHEMA_VERSION,
  ...doc
})
