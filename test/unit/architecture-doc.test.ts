import fs from 'node:fs'
import path from 'node:path'

/**
 * docs/architecture.md shows one complete route declaration. It is the code as it is, not a sketch of
 * it: without the document's own comments and its `// …` for the routes left out, the example stands
 * word for word in the route module it names.
 */
const ROOT = path.resolve(__dirname, '../..')
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')

/** the code's lines, trimmed, without comment lines or blank lines */
const codeLines = (text: string) =>
  text
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('//'))

test('the route declaration example in docs/architecture.md is the code of the module it names', () => {
  const section = read('docs/architecture.md').split('### A route declares what the router does for it')[1]
  const module = /`(cloudfunctions\/api\/routes\/[\w-]+\.ts)`/.exec(section)?.[1]
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  expect(module).toBeDefined()
  expect(example).toBeDefined()
  const lines = codeLines(example!)
  const source = codeLines(read(module!)).join('\n')
  // the first and last lines open and close the module's table; what lies between stands there unbroken
  expect(source).toContain(lines[0])
  expect(source).toContain(lines[lines.length - 1])
  const route = lines.slice(1, -1).join('\n')
  expect(route.split('\n').length).toBeGreaterThan(5)
  expect(source).toContain(route)
})
