import * as SystemService from '../../wailsjs/go/app/SystemService'
import type { app } from '../../wailsjs/go/models'
import { call } from './errors'

export type SystemInfo = app.SystemInfo

export function info(): Promise<SystemInfo> {
  return call(() => SystemService.Info())
}

/** Loads n demo members into an empty database (0 = the default 300); returns how many. */
export async function loadDemo(n = 0): Promise<number> {
  return (await call(() => SystemService.LoadDemo(n))) ?? 0
}
