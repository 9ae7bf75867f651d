import * as LevelService from '../../wailsjs/go/service/LevelService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'
import { file, type FileData } from './certificates'

export type Batch = app.Batch
export type BatchEntry = app.BatchEntry
export type Renewal = app.Renewal
export type RenewalEntry = app.RenewalEntry
export type ReasonRow = app.ReasonRow

/** The four quarterly batches of year: published ones, or previews. */
export async function batches(year: number): Promise<Batch[]> {
  return (await call(() => LevelService.Batches(year))) ?? []
}

export function publish(id: string): Promise<Batch> {
  return call(() => LevelService.PublishBatch(id))
}

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
