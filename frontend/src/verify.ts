// How a verdict looks: one colour per status, so valid reads green at a
// glance, revoked orange, and anything untrustworthy red.
import type { Verification, VerificationStatus } from '@/api/trust'

export type Tone = 'success' | 'warning' | 'error'

const TONES: Record<VerificationStatus, Tone> = {
  valid: 'success',
  revoked: 'warning',
  unknown_serial: 'warning',
  not_found: 'warning',
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

/**
 * What of a file travels to the service. Browser mode takes requests of at
 * most 4 MB, while certificate PDFs and phone photos are often bigger, so:
 * of a PDF only its "ACEQR:<payload>" markers (all the service reads of it
 * anyway), and a big image scaled down in the page (a QR code needs far
 * fewer pixels than a photo has).
 */
export async function fileToCheck(file: File): Promise<Uint8Array> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (/\.pdf$/i.test(file.name)) return pdfMarkers(bytes)
  if (bytes.length <= SHRINK_ABOVE_BYTES) return bytes
  try {
    return await shrinkImage(file)
  } catch {
    // Not an image the browser can read: let the service say so.
    return bytes
  }
}

/** The "ACEQR:<payload>" markers of a PDF's bytes, joined by spaces. */
export function pdfMarkers(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(bytes)
  const found = text.match(/ACEQR:[A-Za-z0-9_.-]+/g) ?? []
  return new TextEncoder().encode(found.join(' '))
}

export const SHRINK_ABOVE_BYTES = 2 << 20
export const SHRINK_MAX_SIDE = 2400

/** The size of an image scaled so that its longer side is at most max. */
export function shrunkSize(width: number, height: number, max = SHRINK_MAX_SIDE): [number, number] {
  const k = Math.min(1, max / Math.max(width, height))
  return [Math.max(1, Math.round(width * k)), Math.max(1, Math.round(height * k))]
}

async function shrinkImage(file: Blob): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(file)
  const [w, h] = shrunkSize(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, w, h)
  bitmap.close()
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92))
  if (!blob) throw new Error('canvas could not encode the image')
  return new Uint8Array(await blob.arrayBuffer())
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
