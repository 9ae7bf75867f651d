import * as DashboardService from '../../wailsjs/go/app/DashboardService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type Dashboard = app.Dashboard
export type LevelCount = app.LevelCount
export type NearMember = app.NearMember
export type GroupDuty = app.GroupDuty

/** The year at a glance: level totals, pending approvals, points by month, levels by city and category. */
export function forYear(year: number): Promise<Dashboard> {
  return call(() => DashboardService.ForYear(year))
}
