import * as ExportService from '../../wailsjs/go/app/ExportService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { decodeBytes, type FileData, type JobStatus } from './certificates'

/** The formats the UI offers, in display order. */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'sql'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Starts an export in the background; resolves with the job's id. */
export function start(format: ExportFormat, year: number): Promise<string> {
  return call(() => ExportService.Start({ format, year }))
}

export async function jobStatus(id: string): Promise<JobStatus> {
  return (await call(() => ExportService.JobStatus(id))) as unknown as JobStatus
}

export function cancelJob(id: string): Promise<void> {
  return call(() => ExportService.CancelJob(id))
}

export async function jobResult(id: string): Promise<FileData> {
  const r = await call(() => ExportService.JobResult(id))
  return { name: r.name, bytes: decodeBytes(r.data as unknown) }
}

export type PushTarget = app.PushTarget
export type PushSummary = app.PushSummary

/** Starts a load into PostgreSQL in the background; resolves with the job's id. */
export function startPush(target: PushTarget): Promise<string> {
  return call(() => ExportService.StartPush(target))
}

/** The tables a finished load sent and changed. */
export function pushResult(id: string): Promise<PushSummary> {
  return call(() => ExportService.PushResult(id))
}
