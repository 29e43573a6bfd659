import fs from 'node:fs'
import path from 'node:path'

/**
 * A benchmark prints only its result lines; everything else (the seeding, the host's lines, the
 * functions' own console output) goes to test-results/<name>.log, which is started afresh each run.
 */
export function benchLogFile(name: string) {
  const file = path.resolve(__dirname, '../../test-results', `${name}.log`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const stream = fs.createWriteStream(file)
  return {
    file,
    line: (text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`),
    functionOutput: (_functionName: string, text: string) => stream.write(text),
    close: () => new Promise<void>(resolve => stream.end(resolve))
  }
}
