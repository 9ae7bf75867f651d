// How a verdict looks: one colour per status, so valid reads green at a
// glance, revoked orange, and anything untrustworthy red.
import type { Verification, VerificationStatus } from '@/api/trust'

export type Tone = 'success' | 'warning' | 'error'

const TONES: Record<VerificationStatus, Tone> = {
  valid: 'success',
  revoked: 'warning',
  unknown_serial: 'warning',
  forged: 'error',
  unknown_issuer: 'error',
  malformed: 'error',
}

export function toneOf(status: string): Tone {
  return TONES[status as VerificationStatus] ?? 'error'
}

/** The status as an i18n key under verify.status (unknown ones count as malformed). */
export function statusKey(status: string): VerificationStatus {
  return status in TONES ? (status as VerificationStatus) : 'malformed'
}

/** Files the Verify page accepts. */
export const VERIFY_ACCEPT = '.pdf,.png,.jpg,.jpeg'

export function isVerifiable(name: string): boolean {
  return /\.(pdf|png|jpe?g)$/i.test(name)
}

/** The printed fields of a verdict, in the certificate's order. */
export function fieldsOf(v: Verification): [string, string][] {
  const c = v.claims
  if (!c) return []
  return [
    ['name', c.name],
    ['title', c.title],
    ['year', String(c.year)],
    ['serial', c.serial],
    ['issuer', c.issuer],
    ['date', c.date],
  ]
}

/** A file name for the exported public key, e.g. acedesk-public-key-2464e39f.pem. */
export function pemFileName(keyId: string): string {
  return `acedesk-public-key-${keyId.slice(0, 8)}.pem`
}

/** Offers text as a file download through a Blob link. */
export function downloadText(name: string, text: string, type = 'application/x-pem-file'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke only after the click's download has taken the URL.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
