import http from 'node:http'
import { CloudError, errors } from './errors'

/** MongoDB's bound on nesting in a BSON document, applied to every JSON text the local cloud reads. */
export const MAX_NESTING = 100
const MAX_BODY = 20 * 1024 * 1024

/**
 * Depth of `{` and `[` outside strings, stopping once past `limit`: a scan of the text before any
 * parser sees it, so that nesting without end never reaches recursive code (EJSON, mingo, clone).
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/**
 * JSON text to a value by `parse` (JSON.parse, or EJSON's), or a CloudError made by `refuse` saying in
 * plain words what is wrong with it, never the parser's own message.
 */
export function parseJsonText(
  text: string,
  refuse: (why: string) => CloudError = errors.invalidParam,
  parse: (text: string) => unknown = JSON.parse
): unknown {
  if (nestsDeeperThan(text, MAX_NESTING)) throw refuse(`nested deeper than ${MAX_NESTING} levels`)
  try {
    return parse(text)
  } catch {
    throw refuse('not valid JSON')
  }
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(errors.malformedBody('larger than 20 MiB'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * A request body that must be a JSON object (an empty body is `{}`). Anything else, text that is not
 * UTF-8, not JSON, nested without end or not an object, is refused with errors.malformedBody, which
 * each endpoint answers with a 4xx in its own client's error shape.
 */
export async function readJsonObject(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const bytes = await readBody(req)
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    throw errors.malformedBody('not UTF-8 text')
  }
  if (text.trim() === '') return {}
  const value = parseJsonText(text, errors.malformedBody)
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw errors.malformedBody('not a JSON object')
  return value as Record<string, unknown>
}
