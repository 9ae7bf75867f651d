// Who this browser is to the hub, pairing, and the public certificate check:
// plain HTTP endpoints next to /api/call (see the LAN contract). The desktop
// window never calls these: it is always the local admin.
import { AppError, toAppError, type AppErrorData } from './errors'
import { toBase64 } from '@/files'

export type Role = 'admin' | 'desk' | 'viewer'
export const ROLES: readonly Role[] = ['admin', 'desk', 'viewer']

export interface Session {
  role: Role
  /** The paired device's name; '' on the hub itself. */
  device: string
  /** True on the hub (the desktop window or a loopback browser). */
  local: boolean
  /** True while LAN mode is on. */
  lan: boolean
  csrf: string
  expires_at?: string
}

export type PublicStatus = 'valid' | 'revoked' | 'forged' | 'unknown_issuer' | 'malformed' | 'unknown_serial' | 'not_found'

/** A certificate check as anyone may see it: the status and what the certificate prints, nothing more. */
export interface PublicVerification {
  status: PublicStatus
  serial: string
  kind: string
  name: string
  name_latin: string
  level: string
  title: string
  year: number
  issued_at: string
  issuer: string
  /** The merged chapter that vouches for the certificate, '' for the hub's own. */
  signed_by: string
  /** The fingerprint of the key whose signature was checked (absent for a typed serial). */
  key?: string
}

type Fetch = typeof fetch

let doFetch: Fetch = (...a) => fetch(...a)

/** Tests put a fake fetch in place. */
export function setFetch(f: Fetch): void {
  doFetch = f
}

function httpError(status: number, text: string): AppErrorData {
  const code = status === 401 || status === 403 ? 'unauthorized' : status === 429 ? 'invalid' : 'internal'
  return { code, message: `HTTP ${status}: ${text.slice(0, 200)}` }
}

/** One request: the parsed JSON body, or null for an empty one; rejects with AppError. */
async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown, csrf = ''): Promise<T> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (csrf) headers['X-CSRF-Token'] = csrf
  let res: Response
  let text: string
  try {
    res = await doFetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
    text = await res.text()
  } catch (err) {
    throw new AppError({ code: 'internal', reason: 'network', message: String(err) })
  }
  let parsed: unknown
  try {
    parsed = text.trim() ? JSON.parse(text) : null
  } catch {
    throw new AppError(res.ok ? { code: 'internal', message: `bad JSON from ${url}` } : httpError(res.status, text))
  }
  if (res.ok) return parsed as T
  throw toAppError(parsed && typeof parsed === 'object' ? parsed : httpError(res.status, text))
}

/** This browser's session; rejects with unauthorized (reason no_session, session_expired or session_revoked) when unpaired. */
export function session(): Promise<Session> {
  return request<Session>('GET', '/api/session')
}

/** Trades a pairing code for a session cookie. */
export function pair(code: string, device: string): Promise<Session> {
  return request<Session>('POST', '/api/pair', { code: code.trim(), device: device.trim() })
}

export async function logout(csrf: string): Promise<void> {
  // A change like any other: JSON, with the page's CSRF token.
  await request<null>('POST', '/api/logout', {}, csrf)
}

/** Checks a pasted QR payload or a typed serial, with no session. */
export function publicVerify(input: string): Promise<PublicVerification> {
  return request<PublicVerification>('POST', '/api/public/verify', { input: input.trim() })
}

/** Checks every certificate QR code the hub finds in a photo. */
export async function publicVerifyImage(name: string, bytes: Uint8Array): Promise<PublicVerification[]> {
  return (await request<PublicVerification[] | null>('POST', '/api/public/verify-image', { name, data: await toBase64(bytes) })) ?? []
}
