import { CloudError, errors } from './errors'

/** MongoDB's bound on nesting in a BSON document, applied to every JSON text the local cloud reads. */
export const MAX_NESTING = 100

/**
 * Depth of `{` and `[` outside strings, stopping once past `limit`: a scan of the text before any
 * parser sees it, so that nesting without end never reaches recursive code (EJSON, mingo, clone).
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) i = endOfString(text, i)
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/**
 * The index of the quote closing the string opened at `open`: found natively, as the SDK's bodies are
 * mostly strings.
 */
function endOfString(text: string, open: number): number {
  for (let close = text.indexOf('"', open + 1); close !== -1; close = text.indexOf('"', close + 1)) {
    let backslashes = 0
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) return close
  }
  return text.length
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
