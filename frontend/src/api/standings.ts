import * as StandingsService from '../../wailsjs/go/service/StandingsService'
import type { service } from '../../wailsjs/go/models'
import { call } from './errors'

export type StandingRow = service.StandingRow
export type TrackRow = service.TrackRow
export type { KindRule, YearRules } from './rules'

export type Level = 'none' | 'partner' | 'ace' | 'director'
export const LEVELS: readonly Level[] = ['director', 'ace', 'partner', 'none']

/** Every member's points and level in year, under that year's rules. */
export async function forYear(year: number): Promise<StandingRow[]> {
  return (await call(() => StandingsService.ForYear(year))) ?? []
}

/** The year's rules table (kinds with labels and points, thresholds). */
export { get as rulesOf } from './rules'
