import * as CertificateService from '../../wailsjs/go/app/CertificateService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type Certificate = app.Certificate
export type JobState = 'running' | 'done' | 'failed' | 'cancelled'

export interface JobStatus {
  id: string
  state: JobState
  done: number
  total: number
  file: string
  error?: unknown
}

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

function file(r: app.FileResult): FileData {
  return { name: r.name, bytes: decodeBytes(r.data as unknown) }
}

export async function list(): Promise<Certificate[]> {
  return (await call(() => CertificateService.List())) ?? []
}

/** Issues (or re-issues) the certificates of a published batch, e.g. "2025-Q4". */
export async function forBatch(batchId: string): Promise<Certificate[]> {
  return (await call(() => CertificateService.ForBatch(batchId))) ?? []
}

export function revoke(serial: string, reason: string): Promise<Certificate> {
  return call(() => CertificateService.Revoke(serial, reason))
}

/** A one-page PDF of the certificate. */
export async function preview(serial: string): Promise<FileData> {
  return file(await call(() => CertificateService.Preview(serial)))
}

/** Starts printing in the background; resolves with the job's id. */
export function print(serials: string[], split: boolean): Promise<string> {
  return call(() => CertificateService.Print(serials, split))
}

export async function jobStatus(id: string): Promise<JobStatus> {
  return (await call(() => CertificateService.JobStatus(id))) as unknown as JobStatus
}

export function cancelJob(id: string): Promise<void> {
  return call(() => CertificateService.CancelJob(id))
}

export async function jobResult(id: string): Promise<FileData> {
  return file(await call(() => CertificateService.JobResult(id)))
}
