/** Deletes the local cloud's data (.data/); the next npm start seeds the demo county again. */
import fs from 'node:fs'
import path from 'node:path'

fs.rmSync(path.resolve(__dirname, '../.data'), { recursive: true, force: true })
console.log('.data/ removed')
