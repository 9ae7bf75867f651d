// Browser mode: without Wails there is no window.go, so calls go to the Go
// server as POST /api/call/<ns>.<Service>.<Method> with the arguments as a
// JSON array.

import type { AppErrorData } from './errors'

type Fetch = typeof fetch
type Method = (...args: unknown[]) => Promise<unknown>

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    go?: any
  }
}

function statusCode(status: number): AppErrorData['code'] {
  if (status === 401 || status === 403) return 'unauthorized'
  if (status === 404) return 'not_found'
  return 'internal'
}

/** Calls one bound method over HTTP. */
export async function httpCall(fetchImpl: Fetch, base: string, name: string, args: unknown[]): Promise<unknown> {
  let res: Response
  let text: string
  try {
    res = await fetchImpl(`${base}${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
    })
    text = await res.text()
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
export function createHttpGo(fetchImpl?: Fetch, base = '/api/call/'): Record<string, Record<string, Record<string, Method>>> {
  const doFetch: Fetch = fetchImpl ?? ((...a) => fetch(...a))
  const level = <T>(make: (prop: string) => T) =>
    new Proxy({} as Record<string, T>, {
      get(_target, prop) {
        return ignored(prop) ? undefined : make(prop as string)
      },
    })
  return level((ns) =>
    level((svc) => level<Method>((method) => (...args: unknown[]) => httpCall(doFetch, base, `${ns}.${svc}.${method}`, args))),
  )
}

/** Installs the HTTP window.go unless Wails already provides one. Returns true when installed. */
export function installShim(target: Window = window, fetchImpl?: Fetch): boolean {
  if (target.go) return false
  target.go = createHttpGo(fetchImpl)
  return true
}

/** True when running inside the Wails desktop window. */
export function isDesktop(target: Window = window): boolean {
  return !!(target as unknown as { runtime?: unknown }).runtime
}
