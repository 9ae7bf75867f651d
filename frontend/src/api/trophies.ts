import * as TrophyService from '../../wailsjs/go/service/TrophyService'
import * as BenefitService from '../../wailsjs/go/service/BenefitService'
import type { app, service } from '../../wailsjs/go/models'
import { call } from './errors'
import { decodeBytes, type FileData } from './certificates'

export type Trophy = app.Trophy
export type BenefitRow = service.BenefitRow

/** The order statuses of a trophy, in order. */
export const TROPHY_STATUSES = ['to_order', 'ordered', 'shipped', 'received'] as const
export type TrophyStatus = (typeof TROPHY_STATUSES)[number]

/** The benefit lists: the conference image wall and the advisory group. */
export const BENEFIT_LISTS = ['image_wall', 'advisory'] as const
export type BenefitList = (typeof BENEFIT_LISTS)[number]

/** The trophies of a published batch, e.g. "2025-Q4". */
export async function forBatch(batchId: string): Promise<Trophy[]> {
  return (await call(() => TrophyService.ForBatch(batchId))) ?? []
}

/** Saves a trophy's engraving and status; rejects with reason "stale" when changed elsewhere. */
export function update(t: Trophy): Promise<Trophy> {
  return call(() => TrophyService.Update(t))
}

export async function trophyXLSX(batchId: string): Promise<FileData> {
  return { name: `trophies-${batchId}.xlsx`, bytes: decodeBytes(await call(() => TrophyService.XLSX(batchId))) }
}

export async function trophyPDF(batchId: string): Promise<FileData> {
  return { name: `trophies-${batchId}.pdf`, bytes: decodeBytes(await call(() => TrophyService.PDF(batchId))) }
}

export async function benefitList(list: BenefitList, year: number): Promise<BenefitRow[]> {
  return (await call(() => BenefitService.List(list, year))) ?? []
}

export async function benefitXLSX(list: BenefitList, year: number): Promise<FileData> {
  return { name: `${list.replace('_', '-')}-${year}.xlsx`, bytes: decodeBytes(await call(() => BenefitService.XLSX(list, year))) }
}
