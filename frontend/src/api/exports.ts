import * as ExportService from '../../wailsjs/go/service/ExportService'
import type { app, service } from '../../wailsjs/go/models'
import { call } from './errors'

/** The formats the UI offers, in display order. */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'sql'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Starts an export in the background; resolves with the job's id. */
export function start(format: ExportFormat, year: number): Promise<string> {
  return call(() => ExportService.Start({ format, year }))
}

export type PushTarget = service.PushTarget
export type PushSummary = app.PushSummary

/** Starts a load into PostgreSQL in the background; resolves with the job's id. */
export function startPush(target: PushTarget): Promise<string> {
  return call(() => ExportService.StartPush(target))
}

/** The tables a finished load sent and changed. */
export function pushResult(id: string): Promise<PushSummary> {
  return call(() => ExportService.PushResult(id))
}
