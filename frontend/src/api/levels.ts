import * as LevelService from '../../wailsjs/go/service/LevelService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { file, type FileData } from './certificates'

/**
 * One member of a batch. kind ('new' or 'upgrade'), from (the level held
 * before, 'none' for a new member) and late (qualified before the quarter
 * began: a record that arrived late) come with the ledger that records
 * upgrades; a batch read without them holds new members only.
 */
export type BatchEntry = app.BatchEntry & { kind?: 'new' | 'upgrade'; from?: string; late?: boolean }
export type Batch = Omit<app.Batch, 'entries'> & { entries: BatchEntry[] }
export type Renewal = app.Renewal
export type RenewalEntry = app.RenewalEntry
export type ReasonRow = app.ReasonRow

/** The four quarterly batches of year (and any supplementary ones): published ones, or previews. */
export async function batches(year: number): Promise<Batch[]> {
  return ((await call(() => LevelService.Batches(year))) ?? []).map(withEntries)
}

export async function publish(id: string): Promise<Batch> {
  return withEntries(await call(() => LevelService.PublishBatch(id)))
}

// Go's nil slice arrives as null.
const withEntries = (b: app.Batch): Batch => ({ ...b, entries: b.entries ?? [] }) as Batch

export function renewal(year: number): Promise<Renewal> {
  return call(() => LevelService.Renewal(year))
}

export function confirmRenewal(year: number): Promise<Renewal> {
  return call(() => LevelService.ConfirmRenewal(year))
}

export type ShowcaseFormat = 'json' | 'html'

/** The website showcase of year's level holders as a JSON or HTML file. */
export async function showcaseFile(year: number, format: ShowcaseFormat): Promise<FileData> {
  return file(await call(() => LevelService.ShowcaseFile(year, format)))
}
