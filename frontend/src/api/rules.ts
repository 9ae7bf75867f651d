import * as RulesService from '../../wailsjs/go/service/RulesService'
import { rules } from '../../wailsjs/go/models'
import { call } from './errors'

export type YearRules = rules.YearRules
export type KindRule = rules.KindRule

/** The year's rules table: saved, inherited from an earlier year, or the built-in 2024 one. */
export function get(year: number): Promise<YearRules> {
  return call(() => RulesService.Get(year))
}

/** Where year's table comes from: year itself when saved, an earlier year, or 0 for the built-in table. */
export async function origin(year: number): Promise<number> {
  return (await call(() => RulesService.Origin(year))) ?? 0
}

/** Validates and saves a year's table; rejects with per-field errors ("kinds.2.points"). */
export function save(table: YearRules): Promise<YearRules> {
  return call(() => RulesService.Save(rules.YearRules.createFrom(table)))
}

/** Saves year's table as next year's; a conflict when next year already has one. */
export function copyToNextYear(year: number): Promise<YearRules> {
  return call(() => RulesService.CopyToNextYear(year))
}
