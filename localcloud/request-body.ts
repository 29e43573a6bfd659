import http from 'node:http'
import { TextDecoder } from 'node:util'
import { errors } from './errors'
import { parseJsonText } from './json-text'

const MAX_BODY = 20 * 1024 * 1024

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
