// The chapter's signing key and the checking of certificate codes. Signing
// itself is not reachable from the UI.
import * as TrustService from '../../wailsjs/go/service/TrustService'
import type { service } from '../../wailsjs/go/models'
import { call } from './errors'
import { fileArg } from '@/files'

export type KeyInfo = service.KeyInfo
export type Verification = service.Verification
export type VerificationStatus = 'valid' | 'revoked' | 'forged' | 'unknown_issuer' | 'malformed' | 'unknown_serial' | 'not_found'

export function chapterKey(): Promise<KeyInfo> {
  return call(() => TrustService.ChapterKey())
}

/** The public key as PEM text ("PUBLIC KEY", PKIX). */
export function exportPublicKey(): Promise<string> {
  return call(() => TrustService.ExportPublicKey())
}

/** Checks one pasted or scanned payload. */
export function verify(payload: string): Promise<Verification> {
  return call(() => TrustService.Verify(payload))
}

/**
 * Checks every certificate code in a PDF written by ACE Desk or in a PNG or
 * JPEG image. The bytes travel as base64, as imports do.
 */
export async function verifyFile(name: string, bytes: Uint8Array): Promise<Verification[]> {
  const data = await fileArg(bytes)
  const isPDF = /\.pdf$/i.test(name)
  return (await call(() => (isPDF ? TrustService.VerifyPDF(name, data) : TrustService.VerifyImage(name, data)))) ?? []
}
