/**
 * Part of `npm run lint`: no line of the sources is longer than 120 characters (prettier's print width,
 * which prettier itself cannot keep for strings, comments and test names). Counts characters, not
 * bytes, so a line of Chinese is measured as it reads. Prints the longest line either way.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const LINE_LENGTH_MAX = 120
const FOLDERS = ['src', 'cloudfunctions', 'core', 'localcloud', 'scripts', 'test']
const SOURCE = /\.(ts|tsx|js|mjs|scss|css|md)$/

const root = path.resolve(__dirname, '..')
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...FOLDERS], {
  cwd: root,
  encoding: 'utf8'
})
  .split('\n')
  .filter(f => SOURCE.test(f) && fs.existsSync(path.join(root, f)))

let longest = { length: 0, at: '' }
const over: string[] = []
for (const file of files) {
  fs.readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const length = [...line].length
      if (length > longest.length) longest = { length, at: `${file}:${i + 1}` }
      if (length > LINE_LENGTH_MAX) over.push(`${file}:${i + 1}: ${length} characters`)
    })
}

console.log(`line length: ${files.length} files, longest line ${longest.length} characters (${longest.at})`)
if (over.length > 0) {
  console.error(`${over.length} lines longer than ${LINE_LENGTH_MAX} characters:\n${over.join('\n')}`)
  process.exit(1)
}
