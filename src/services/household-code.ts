/**
 * The household a household code (一户一码) names. The code opens `pages/household/index` with the
 * scene "h=<household id>": WeChat passes the scene (URL-encoded) as the page's `scene` parameter and
 * gives a scanner the code's path; the local QR code is a URL of the web build with the same scene;
 * a cadre may also type "h=<id>" or the id itself. Anything else gives "".
 */
export function householdOfCode(text = ''): string {
  const scene = text.match(/[?&]scene=([^&#]+)/)?.[1] ?? text.trim()
  let decoded = scene
  try {
    decoded = decodeURIComponent(scene)
  } catch {
    return ''
  }
  return (decoded.startsWith('h=') ? decoded.slice(2) : decoded).match(/^[A-Za-z0-9_:-]{1,64}$/)?.[0] ?? ''
}
