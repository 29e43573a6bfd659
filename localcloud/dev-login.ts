import { randomBytes } from 'node:crypto'

/**
 * The dev login: a local development feature that stands in for WeChat's login. Someone picks a
 * persona (or types any openid); the session cookie then makes `/fn/<name>` calls arrive as that
 * caller, exactly as WeChat would inject the caller's openid in the cloud.
 */
export interface Persona {
  openid: string
  name: string
  description: string
}

const COOKIE = 'localcloud_session'

export class DevSessions {
  private readonly sessions = new Map<string, string>()

  openidOf(cookieHeader: string | undefined): string | undefined {
    const token = cookieHeader
      ?.split(';')
      .map(c => c.trim().split('='))
      .find(([k]) => k === COOKIE)?.[1]
    return token ? this.sessions.get(token) : undefined
  }

  /** Returns the Set-Cookie header for a new session of this openid. */
  login(openid: string): string {
    const token = randomBytes(16).toString('hex')
    this.sessions.set(token, openid)
    return `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`
  }

  logoutCookie() {
    return `${COOKIE}=; Path=/; Max-Age=0`
  }
}

const escape = (s: string) => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

export function loginPage(personas: Persona[], next: string, current?: string): string {
  const buttons = personas
    .map(
      p => `<form method="post" action="/__dev/login">
  <input type="hidden" name="openid" value="${escape(p.openid)}">
  <input type="hidden" name="next" value="${escape(next)}">
  <button type="submit" data-openid="${escape(p.openid)}">
    <b>${escape(p.name)}</b><span>${escape(p.description)}</span>
  </button>
</form>`
    )
    .join('\n')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>本地开发登录</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:16px;background:#f5f5f5;color:#222;font-size:18px}
.note{background:#fff3cd;border:1px solid #e0c97f;padding:12px;border-radius:8px;margin-bottom:16px;font-size:15px}
button{display:block;width:100%;text-align:left;padding:14px;margin:8px 0;border:1px solid #ccc;border-radius:10px;
background:#fff;font-size:18px;min-height:56px}
button span{display:block;color:#666;font-size:15px;margin-top:4px}
input[type=text]{font-size:18px;padding:10px;width:100%;box-sizing:border-box}
</style></head><body>
<h1>本地开发登录</h1>
<p class="note">这是本地开发环境的模拟登录（local development only）。在微信里，身份由微信自动提供，没有这个页面。
${current ? `当前身份：${escape(current)}` : ''}</p>
${buttons}
<form method="post" action="/__dev/login"><p>或输入任意 openid（例如一个没有角色的陌生人）：</p>
<input type="text" name="openid" placeholder="openid"><input type="hidden" name="next" value="${escape(next)}">
<button type="submit">以此 openid 登录</button></form>
</body></html>`
}
