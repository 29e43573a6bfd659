/**
 * What any text typed by a person keeps: control characters (NUL, escapes) are dropped; so are the
 * marks that turn text around (U+202A–U+202E, U+2066–U+2069: a name could read backwards on someone
 * else's screen), the byte-order mark, and halves of a character without their other half (no font
 * can draw them, and no export can encode them). The contract's text fields and the register's cells
 * both pass here, so a name is the same whichever way it came in.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFEFF]/g
/** a whole character of two halves (kept), or a half alone (dropped); no lookbehind, which older iOS lacks */
const SURROGATES = /([\uD800-\uDBFF][\uDC00-\uDFFF])|[\uD800-\uDFFF]/g

/** Halves first: two halves around a dropped mark must not join into a character nobody typed. */
export const cleanText = (value: string): string =>
  value.replace(SURROGATES, (_, pair?: string) => pair ?? '').replace(CONTROL_CHARACTERS, '')
