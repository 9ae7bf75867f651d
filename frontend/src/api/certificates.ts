import * as CertificateService from '../../wailsjs/go/service/CertificateService'
import type { app, service } from '../../wailsjs/go/models'
import { call } from './errors'

export type Certificate = app.Certificate
/** A file from the service, its bytes decoded. */
export interface FileData {
  name: string
  bytes: Uint8Array
}

/** Go's []byte arrives in JSON as a base64 string (older bindings: a number array). */
export function decodeBytes(data: unknown): Uint8Array {
  if (typeof data === 'string') {
    const bin = atob(data)
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  }
  if (Array.isArray(data)) return Uint8Array.from(data as number[])
  return new Uint8Array()
}

export function file(r: service.FileResult): FileData {
  return { name: r.name, bytes: decodeBytes(r.data as unknown) }
}

export async function list(): Promise<Certificate[]> {
  return (await call(() => CertificateService.List())) ?? []
}

/** Issues (or re-issues) the certificates of a published batch, e.g. "2025-Q4". */
export async function forBatch(batchId: string): Promise<Certificate[]> {
  return (await call(() => CertificateService.ForBatch(batchId))) ?? []
}

/** Issues the honor certificates of a confirmed renewal of year (for year + 1). */
export async function forRenewal(year: number): Promise<Certificate[]> {
  return (await call(() => CertificateService.ForRenewal(year))) ?? []
}

/** Issues the appointment letters of every group lead of year. */
export async function forLeads(year: number): Promise<Certificate[]> {
  return (await call(() => CertificateService.ForLeads(year))) ?? []
}

/** Issues the thanks certificates of an event's speakers. */
export async function forEvent(eventID: number): Promise<Certificate[]> {
  return (await call(() => CertificateService.ForEvent(eventID))) ?? []
}

export function revoke(serial: string, reason: string): Promise<Certificate> {
  return call(() => CertificateService.Revoke(serial, reason))
}

/** A one-page PDF of the certificate. */
export async function preview(serial: string): Promise<FileData> {
  return file(await call(() => CertificateService.Preview(serial)))
}

/** The certificate as a PNG for a phone screen (1080 px wide), with its QR code large enough to scan from a screen. */
export async function picture(serial: string): Promise<FileData> {
  return file(await call(() => CertificateService.Picture(serial)))
}

/** The certificate as a signed Open Badges 3.0 credential (JSON); refused when revoked. */
export async function openBadge(serial: string): Promise<FileData> {
  return file(await call(() => CertificateService.OpenBadge(serial)))
}

/** Starts printing in the background; resolves with the job's id. */
export function print(serials: string[], split: boolean): Promise<string> {
  return call(() => CertificateService.Print(serials, split))
}

/** A signatory as the form edits it; signature_png is base64 ('' when none). */
export interface SignatoryData {
  name: string
  title_zh: string
  title_en: string
  signature_png: string
}

export interface CertWordingsData {
  honor_zh: string
  honor_en: string
  appointment_zh: string
  appointment_en: string
  thanks_zh: string
  thanks_en: string
}

/** How the chapter's certificates read and are signed; images are base64 PNG ('' when none). */
export interface CertificateSetupData {
  chapter_code: string
  issuer_zh: string
  issuer_en: string
  signatories: SignatoryData[]
  seal_png: string
  wording: CertWordingsData
  version: number
}

/** Go's []byte as base64 ('' for none; older bindings send a number array). */
function base64Of(data: unknown): string {
  if (typeof data === 'string') return data
  if (Array.isArray(data)) {
    let bin = ''
    for (const b of data as number[]) bin += String.fromCharCode(b)
    return btoa(bin)
  }
  return ''
}

function fromService(s: app.CertificateSetup): CertificateSetupData {
  const w = (s.wording ?? {}) as Partial<CertWordingsData>
  return {
    chapter_code: s.chapter_code ?? '',
    issuer_zh: s.issuer_zh ?? '',
    issuer_en: s.issuer_en ?? '',
    signatories: (s.signatories ?? []).map((g) => ({
      name: g.name ?? '',
      title_zh: g.title_zh ?? '',
      title_en: g.title_en ?? '',
      signature_png: base64Of(g.signature_png as unknown),
    })),
    seal_png: base64Of(s.seal_png as unknown),
    wording: {
      honor_zh: w.honor_zh ?? '',
      honor_en: w.honor_en ?? '',
      appointment_zh: w.appointment_zh ?? '',
      appointment_en: w.appointment_en ?? '',
      thanks_zh: w.thanks_zh ?? '',
      thanks_en: w.thanks_en ?? '',
    },
    version: s.version ?? 0,
  }
}

/** The certificate setup (the built-in default until one is saved). */
export async function setup(): Promise<CertificateSetupData> {
  return fromService(await call(() => CertificateService.Setup()))
}

/** Validates and stores the setup; rejects with reason "fields" or "stale". */
export async function saveSetup(s: CertificateSetupData): Promise<CertificateSetupData> {
  // []byte fields travel as base64 strings.
  const payload = s as unknown as app.CertificateSetup
  return fromService(await call(() => CertificateService.SaveSetup(payload)))
}
