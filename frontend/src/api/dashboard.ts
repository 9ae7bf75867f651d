import * as DashboardService from '../../wailsjs/go/service/DashboardService'
import type { service } from '../../wailsjs/go/models'
import { call } from './errors'

export type Dashboard = service.Dashboard
export type LevelCount = service.LevelCount
export type NearMember = service.NearMember
export type GroupDuty = service.GroupDuty

/** The year at a glance: level totals, pending approvals, points by month, levels by city and category. */
export function forYear(year: number): Promise<Dashboard> {
  return call(() => DashboardService.ForYear(year))
}
