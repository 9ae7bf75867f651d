// Browser mode: without Wails there is no window.go, so calls go to the Go
// server as POST /api/call/<ns>.<Service>.<Method> with the arguments as a
// JSON array, and the X-CSRF-Token header the server hands out at
// GET /api/session (bound to this browser's session).

import type { AppErrorData } from './errors'

type Fetch = typeof fetch
type Method = (...args: unknown[]) => Promise<unknown>

/** Wails' window.go: go.<ns>.<Service>.<Method>(...args). */
export type WailsGo = Record<string, Record<string, Record<string, Method>>>

declare global {
  interface Window {
    go?: WailsGo
  }
}

function statusCode(status: number): AppErrorData['code'] {
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 404) return 'not_found'
  return 'internal'
}

/** Where the CSRF token comes from: fetched once, kept until reset. */
export interface CsrfSource {
  get(): Promise<string>
  reset(): void
}

/**
 * Fetches GET /api/session once and keeps its token. A failed fetch (no
 * session yet: the page must pair first) is not kept, so the call after
 * pairing fetches again.
 */
export function csrfSource(fetchImpl: Fetch, url = '/api/session'): CsrfSource {
  let cached: Promise<string> | null = null
  const load = async (): Promise<string> => {
    try {
      const res = await fetchImpl(url, { method: 'GET', credentials: 'same-origin' })
      const body = res.ok ? ((await res.json()) as { csrf?: unknown }) : null
      if (body && typeof body.csrf === 'string' && body.csrf !== '') return body.csrf
    } catch {
      // The call itself will report the network error.
    }
    cached = null
    return ''
  }
  return {
    get: () => (cached ??= load()),
    reset: () => {
      cached = null
    },
  }
}

/** Calls one bound method over HTTP. */
export async function httpCall(
  fetchImpl: Fetch,
  base: string,
  name: string,
  args: unknown[],
  csrf?: CsrfSource,
): Promise<unknown> {
  let res: Response
  let text: string
  const send = async () => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    const token = csrf ? await csrf.get() : ''
    if (token) headers['X-CSRF-Token'] = token
    const r = await fetchImpl(`${base}${name}`, { method: 'POST', headers, body: JSON.stringify(args) })
    return { r, t: await r.text() }
  }
  try {
    let sent = await send()
    // The hub restarted (new tokens) or the session changed: fetch the
    // token again and retry once.
    if (csrf && sent.r.status === 403 && sent.t.includes('"csrf"')) {
      csrf.reset()
      sent = await send()
    }
    res = sent.r
    text = sent.t
  } catch (err) {
    throw { code: 'internal', reason: 'network', message: String(err) } satisfies AppErrorData
  }
  let body: unknown = null
  let parsed = true
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      parsed = false
    }
  }
  if (res.ok) {
    if (!parsed) throw { code: 'internal', message: `bad JSON from ${name}: ${text.slice(0, 200)}` } satisfies AppErrorData
    return body
  }
  if (parsed && body && typeof body === 'object') throw body
  throw { code: statusCode(res.status), message: `HTTP ${res.status} from ${name}: ${text.slice(0, 200)}` } satisfies AppErrorData
}

// Property names that must not look like bound methods (await, logging).
function ignored(prop: string | symbol): boolean {
  return typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' || prop === 'constructor'
}

/**
 * An object shaped like Wails' window.go: any go.<ns>.<Service>.<Method>
 * is a function that calls the server.
 */
export function createHttpGo(
  fetchImpl?: Fetch,
  base = '/api/call/',
  csrf?: CsrfSource,
): WailsGo {
  const doFetch: Fetch = fetchImpl ?? ((...a) => fetch(...a))
  const token = csrf ?? csrfSource(doFetch)
  const level = <T>(make: (prop: string) => T) =>
    new Proxy({} as Record<string, T>, {
      get(_target, prop) {
        return ignored(prop) ? undefined : make(prop as string)
      },
    })
  return level((ns) =>
    level((svc) => level<Method>((method) => (...args: unknown[]) => httpCall(doFetch, base, `${ns}.${svc}.${method}`, args, token))),
  )
}

let installed: CsrfSource | null = null

/** Installs the HTTP window.go unless Wails already provides one. Returns true when installed. */
export function installShim(target: Window = window, fetchImpl?: Fetch): boolean {
  if (target.go) return false
  installed = csrfSource(fetchImpl ?? ((...a) => fetch(...a)))
  target.go = createHttpGo(fetchImpl, '/api/call/', installed)
  return true
}

/** Forgets the CSRF token after pairing or logging out, so the next call fetches the new session's. */
export function resetCsrfToken(): void {
  installed?.reset()
}

/** True when running inside the Wails desktop window. */
export function isDesktop(target: Window = window): boolean {
  return !!(target as unknown as { runtime?: unknown }).runtime
}
