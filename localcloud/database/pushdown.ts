import { fieldExpr } from './sql-paths'

/**
 * Translates the indexable part of a MongoDB query to SQL. The result is a superset filter: every
 * document the query matches passes it; mingo then applies the full query to what SQL returns. When
 * every condition was translated (`exact`), counts and pages can be done by SQL alone.
 *
 * Only fields that an index declares (and `_id`) are pushed down, because the declaration promises
 * they hold scalars: MongoDB's equality also matches array elements, which json_extract would not.
 */
export interface Pushdown {
  where: string
  params: unknown[]
  exact: boolean
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=', $eq: '=' }

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))

const sqlValue = (v: string | number | boolean) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)

export function pushdown(query: Record<string, any>, indexed: Set<string>): Pushdown {
  const clauses: string[] = []
  const params: unknown[] = []
  let exact = true

  const visit = (q: Record<string, any>) => {
    for (const [key, cond] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(cond)) {
        cond.forEach(part => visit(part))
        continue
      }
      if (key.startsWith('$') || !indexed.has(key)) {
        exact = false
        continue
      }
      const expr = fieldExpr(key)
      if (isScalar(cond)) {
        clauses.push(`${expr} = ?`)
        params.push(sqlValue(cond))
        continue
      }
      // a regular expression, an array or an embedded document (equality with it) is left to mingo
      const operators =
        cond && typeof cond === 'object' && !Array.isArray(cond) && !(cond instanceof RegExp) ? Object.keys(cond) : []
      if (operators.length === 0 || !operators.every(op => op.startsWith('$'))) {
        exact = false
        continue
      }
      for (const [op, value] of Object.entries(cond)) {
        if (RANGE[op] && isScalar(value)) {
          clauses.push(`${expr} ${RANGE[op]} ?`)
          params.push(sqlValue(value))
        } else if (op === '$in' && Array.isArray(value) && value.length > 0 && value.every(isScalar)) {
          clauses.push(`${expr} IN (${value.map(() => '?').join(', ')})`)
          params.push(...value.map(sqlValue))
        } else {
          exact = false
        }
      }
    }
  }
  visit(query)
  return { where: clauses.join(' AND '), params, exact }
}

export function orderBySql(order: Record<string, number> | undefined): string {
  if (!order) return ''
  return Object.entries(order)
    .map(([field, dir]) => `${fieldExpr(field)} ${dir === -1 ? 'DESC' : 'ASC'}`)
    .join(', ')
}
