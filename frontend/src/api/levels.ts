import * as LevelService from '../../wailsjs/go/service/LevelService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { file, type FileData } from './certificates'

/**
 * One member of a batch: kind is 'new' or 'upgrade', from the level held
 * before ('none' for a new member), late whether they qualified before the
 * batch's quarter began, on a record that arrived after that quarter's batch.
 */
export type BatchEntry = app.BatchEntry
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
