import fs from 'node:fs'
import { ROUTES_DOC, renderRoutesDoc } from '../../scripts/routes-doc'

test('docs/routes.md is what the route declarations say (npm run docs:routes writes it)', () => {
  const written = fs.existsSync(ROUTES_DOC) ? fs.readFileSync(ROUTES_DOC, 'utf8') : ''
  expect(written).toBe(renderRoutesDoc())
})

test('the table has one row per route of the contract', () => {
  const rows = renderRoutesDoc()
    .split('\n')
    .filter(line => line.startsWith('| `'))
  expect(rows.length).toBeGreaterThan(60)
  expect(rows.some(r => r.startsWith('| `score.award` |') && r.includes('村干部'))).toBe(true)
})
