import * as StandingsService from '../../wailsjs/go/app/StandingsService'
import * as RulesService from '../../wailsjs/go/app/RulesService'
import type { app, rules } from '../../wailsjs/go/models'
import { call } from './errors'

export type StandingRow = app.StandingRow
export type TrackRow = app.TrackRow
export type YearRules = rules.YearRules
export type KindRule = rules.KindRule

export type Level = 'none' | 'partner' | 'ace' | 'director'
export const LEVELS: readonly Level[] = ['director', 'ace', 'partner', 'none']

/** Every member's points and level in year, under that year's rules. */
export async function forYear(year: number): Promise<StandingRow[]> {
  return (await call(() => StandingsService.ForYear(year))) ?? []
}

/** The year's rules table (kinds with labels and points, thresholds). */
export function rulesOf(year: number): Promise<YearRules> {
  return call(() => RulesService.Get(year))
}
