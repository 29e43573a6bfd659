/**
 * WeChat runs the uploaded JavaScript as it is (project.config.json: `es6: false`, so neither DevTools
 * nor miniprogram-ci rewrites it) on the phone's own engine, and syntax cannot be polyfilled: one `?.`
 * in common.js is a blank app on an old iPhone. The weapp build targets the "weapp" browserslist
 * environment (iOS 9, Android 5: ES5); every .js it emits must parse as ES5. See docs/operations.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import { ROOT } from '../helpers/local-cloud'

const WEAPP = path.join(ROOT, 'dist/weapp')

function scriptsUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return scriptsUnder(full)
    return entry.name.endsWith('.js') ? [full] : []
  })
}

/** the file's syntax error at ES5, with a little of the code around it; null when it parses */
function newerSyntaxIn(file: string): string | null {
  const code = fs.readFileSync(file, 'utf8')
  try {
    parse(code, { ecmaVersion: 5, sourceType: 'script' })
    return null
  } catch (e) {
    const at = (e as { pos?: number }).pos ?? 0
    return `${path.relative(WEAPP, file)}: ${(e as Error).message} near ${JSON.stringify(code.slice(at - 30, at + 30))}`
  }
}

test('the project tells WeChat not to rewrite the code, so the build itself must be ES5', () => {
  const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'))
  expect(project.setting.es6).toBe(false)
})

test('every script of the weapp build parses as ES5', () => {
  const files = scriptsUnder(WEAPP)
  // app.js, common.js, taro.js, vendors.js and one script per page at least
  expect(files.map(f => path.relative(WEAPP, f))).toEqual(expect.arrayContaining(['app.js', 'common.js', 'taro.js']))
  expect(files.map(newerSyntaxIn).filter(Boolean)).toEqual([])
})

test('the check refuses the syntax the issue found in the build', () => {
  const sample = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'es5-')), 'sample.js')
  for (const code of ['a?.b', 'a ?? b', 'a ??= b', 'f(...a)', 'const x = 1', '() => 1', 'async function f() {}']) {
    fs.writeFileSync(sample, code)
    expect(newerSyntaxIn(sample)).not.toBeNull()
  }
  fs.writeFileSync(sample, 'var x = a && a.b; function f() { return x }')
  expect(newerSyntaxIn(sample)).toBeNull()
})
