// Chapter bundles: exporting this chapter's data for headquarters and, at
// headquarters, merging the chapters' bundles. Both run as background jobs.
import * as BundleService from '../../wailsjs/go/service/BundleService'
import type { app, service } from '../../wailsjs/go/models'
import { call } from './errors'
import { decodeBytes, type FileData } from './certificates'
import { toBase64 } from '@/files'

export type MergeOutcome = service.MergeOutcome
export type MergeResult = app.MergeResult
export type MergeConflict = app.MergeConflict
export type MergeCount = app.MergeCount
export type MergedChapter = app.MergedChapter

/** A bundle file the user picked, read into memory. */
export interface BundleFile {
  name: string
  bytes: Uint8Array
}

function file(r: service.FileResult): FileData {
  return { name: r.name, bytes: decodeBytes(r.data as unknown) }
}

/** Starts building a full bundle, or one of the changes since the last export. */
export function startExport(changes: boolean): Promise<string> {
  return call(() => BundleService.StartExport(changes))
}

/** The finished export's file; fetching it records the export. */
export async function exportResult(id: string): Promise<FileData> {
  return file(await call(() => BundleService.ExportResult(id)))
}

/**
 * Starts merging the bundles in order. acceptKeys are chapter IDs whose new
 * key the operator confirmed. The bytes travel as base64, as imports do.
 */
export async function startMerge(files: BundleFile[], acceptKeys: string[]): Promise<string> {
  const uploads = (await Promise.all(files.map(async (f) => ({ name: f.name, data: await toBase64(f.bytes) })))) as unknown as service.BundleUpload[]
  return call(() => BundleService.StartMerge(uploads, acceptKeys))
}

export async function mergeOutcomes(id: string): Promise<MergeOutcome[]> {
  return (await call(() => BundleService.MergeOutcomes(id))) ?? []
}

export async function conflictsFile(id: string): Promise<FileData> {
  return file(await call(() => BundleService.ConflictsFile(id)))
}

export async function mergedChapters(): Promise<MergedChapter[]> {
  return (await call(() => BundleService.MergedChapters())) ?? []
}
