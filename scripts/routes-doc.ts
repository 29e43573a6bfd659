/**
 * npm run docs:routes — writes docs/routes.md, the route/access table, from the route declarations
 * (cloudfunctions/api/routes) and the contract (core/contract/routes.ts). test/unit/routes-doc.test.ts
 * fails when the file is stale, so the table can never disagree with what the router enforces.
 */
import fs from 'node:fs'
import path from 'node:path'
import { AUDIT_ACTIONS } from '../core/contract/audit-actions'
import { routes, type RouteName } from '../core/contract/routes'
import { ROLE_NAMES } from '../core/domain/roles'
import { handlers } from '../cloudfunctions/api/routes'
import type { Access, AuditDeclaration, PagingDeclaration } from '../cloudfunctions/api/router/route'

export const ROUTES_DOC = path.resolve(__dirname, '../docs/routes.md')

const SCOPES: Record<string, string> = {
  own: 'their own things',
  household: 'their household',
  grid: 'their grids',
  village: 'their village',
  branch: 'their party branch',
  town: 'their town',
  area: 'their village, town or county',
  organisation: 'their organisation (入驻单位)'
}

const WHO: Record<Exclude<Access['who'], 'roles'>, string> = {
  anyone: 'anyone (any WeChat user)',
  registered: 'registered (a known user: a user document or any role)'
}

const who = (access: Access) =>
  access.who === 'roles' ? access.roles.map(r => `${ROLE_NAMES[r]} (${r})`).join(', ') : WHO[access.who]

const audit = (declared: AuditDeclaration | undefined) => {
  if (declared === undefined) return ''
  if (typeof declared === 'object') return `none: ${declared.none}`
  return `\`${declared}\` ${AUDIT_ACTIONS[declared]}`
}

const paging = (declared: PagingDeclaration | undefined) => {
  if (declared === undefined) return ''
  return 'size' in declared ? `pages of ${declared.size}` : `at most ${declared.max}`
}

/** a table cell: a pipe would end it */
const cell = (text: string) => text.replace(/\|/g, '\\|')

export function renderRoutesDoc(): string {
  const names = (Object.keys(routes) as RouteName[]).sort()
  const rows = names.map(name => {
    const route = handlers[name]
    const contract = routes[name]
    return [
      `\`${name}\``,
      who(route.access),
      SCOPES[route.scope] ?? route.scope,
      contract.write ? (route.ownIdempotency ? 'yes (keyed by its own ids)' : 'yes') : '',
      audit(route.audit),
      paging(route.paging)
    ].map(cell)
  })
  return [
    '# Routes and who may call them',
    '',
    '<!-- written by `npm run docs:routes` from the route declarations; ' +
      'test/unit/routes-doc.test.ts fails when stale -->',
    '',
    `${names.length} routes, each as declared in \`cloudfunctions/api/routes/\` ` +
      '(who may call it, where it acts, its audit',
    'action, its paging bound) and in `core/contract/routes.ts` (whether it writes). The router performs each',
    'declaration; see [architecture.md](architecture.md) for what each column makes it do.',
    '',
    '| route | who may call | scope | writes | audit action | paging |',
    '|---|---|---|---|---|---|',
    ...rows.map(r => `| ${r.join(' | ')} |`),
    ''
  ].join('\n')
}

if (require.main === module) {
  fs.writeFileSync(ROUTES_DOC, renderRoutesDoc())
  console.log(`wrote ${path.relative(process.cwd(), ROUTES_DOC)}`)
}
