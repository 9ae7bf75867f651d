// The one error shape every service call rejects with (desktop and browser).

export type ErrorCode = 'invalid' | 'not_found' | 'conflict' | 'unauthorized' | 'internal'

const CODES: readonly ErrorCode[] = ['invalid', 'not_found', 'conflict', 'unauthorized', 'internal']

export interface AppErrorData {
  code: ErrorCode
  reason?: string
  /** English, for logs only: never shown to the user. */
  message: string
  fields?: Record<string, string>
  params?: Record<string, string>
}

export class AppError extends Error implements AppErrorData {
  code: ErrorCode
  reason?: string
  fields?: Record<string, string>
  params?: Record<string, string>

  constructor(data: AppErrorData) {
    super(data.message)
    this.name = 'AppError'
    this.code = data.code
    if (data.reason) this.reason = data.reason
    if (data.fields) this.fields = data.fields
    if (data.params) this.params = data.params
  }

  toJSON(): AppErrorData {
    return { code: this.code, reason: this.reason, message: this.message, fields: this.fields, params: this.params }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(v)) {
    if (val !== undefined && val !== null) out[k] = String(val)
  }
  return Object.keys(out).length ? out : undefined
}

/**
 * Turns anything a rejected call may produce into an AppError: the service
 * error object, a plain string (Wails without an error formatter; a string
 * holding the JSON of an error object is parsed), or a thrown JS error.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  if (typeof e === 'string') {
    const s = e.trim()
    if (s.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(s)
        if (isRecord(parsed) && typeof parsed.code === 'string') return toAppError(parsed)
      } catch {
        /* not JSON: fall through */
      }
    }
    return new AppError({ code: 'internal', message: e })
  }
  if (isRecord(e) && typeof e.code === 'string') {
    const code = (CODES as readonly string[]).includes(e.code) ? (e.code as ErrorCode) : 'internal'
    return new AppError({
      code,
      reason: typeof e.reason === 'string' && e.reason ? e.reason : undefined,
      message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
      fields: stringMap(e.fields),
      params: stringMap(e.params),
    })
  }
  if (e instanceof Error) return new AppError({ code: 'internal', message: e.message })
  return new AppError({ code: 'internal', message: String(e) })
}

/** The reasons of a refusal that mean this browser must pair with the hub again. */
export const SESSION_LOST = ['no_session', 'session_expired', 'session_revoked', 'local_key_missing'] as const

export function isSessionLost(err: unknown): boolean {
  const e = toAppError(err)
  return e.code === 'unauthorized' && (SESSION_LOST as readonly string[]).includes(e.reason ?? '')
}

let sessionLost: ((err: AppError) => void) | null = null

/**
 * Who hears that a call was refused because the session is gone (a revoked
 * or expired device): the session store, which sends the page to pairing.
 */
export function onSessionLost(fn: ((err: AppError) => void) | null): void {
  sessionLost = fn
}

/** Runs a service call and rejects only with AppError. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    const err = toAppError(e)
    console.error('[ace] call failed:', err.toJSON())
    if (sessionLost && isSessionLost(err)) sessionLost(err)
    throw err
  }
}

export type Translate = (key: string, params?: Record<string, unknown>) => string
export type HasKey = (key: string) => boolean

/**
 * The user-facing text of an error: errors.reason.<reason> when that key
 * exists, else errors.code.<code>; params are interpolated. The English
 * `message` is never used.
 */
export function translateError(err: unknown, t: Translate, te: HasKey): string {
  const e = toAppError(err)
  const params = e.params ?? {}
  if (e.reason && te(`errors.reason.${e.reason}`)) return t(`errors.reason.${e.reason}`, params)
  if (te(`errors.code.${e.code}`)) return t(`errors.code.${e.code}`, params)
  return t('errors.code.internal', params)
}

/** One field's error, ready to translate with fieldErrorText. */
export interface FieldError {
  reason: string
  params?: Record<string, string>
}

/** Which field a conflict reason belongs to. */
const REASON_FIELD: Record<string, string> = { phone_taken: 'phone', email_taken: 'email' }

/** The per-field errors of a rejection, keyed by field name. */
export function fieldErrorsOf(err: AppError): Record<string, FieldError> {
  const out: Record<string, FieldError> = {}
  for (const [field, reason] of Object.entries(err.fields ?? {})) {
    out[field] = reason === 'taken' && err.params ? { reason, params: err.params } : { reason }
  }
  const f = err.reason ? REASON_FIELD[err.reason] : undefined
  if (f && !out[f]) out[f] = { reason: 'taken', params: err.params }
  return out
}

/** A form's errors less one field's: what the form shows once the user edits that field. */
export function withoutField<E>(errors: Record<string, E>, field: string): Record<string, E> {
  const out = { ...errors }
  delete out[field]
  return out
}

/** Text shown under a form field. */
export function fieldErrorText(fe: FieldError, t: Translate, te: HasKey): string {
  if (fe.reason === 'taken' && fe.params?.member) return t('fieldErrors.taken_by', fe.params)
  const key = `fieldErrors.${fe.reason}`
  return te(key) ? t(key, fe.params ?? {}) : t('fieldErrors.invalid')
}
