/**
 * How a document field is addressed in SQL. One function, so indexes and queries use the same
 * expression text (SQLite uses an expression index only on an exact match).
 */
export function fieldExpr(field: string): string {
  if (field === '_id') return '_id'
  const path = field
    .split('.')
    .map(part => `"${part.replace(/"/g, '""')}"`)
    .join('.')
  return `json_extract(doc, '$.${path.replace(/'/g, "''")}')`
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
