import * as SystemService from '../../wailsjs/go/service/SystemService'
import type { service } from '../../wailsjs/go/models'
import { call } from './errors'
import { fileArg } from '@/files'

export type SystemInfo = service.SystemInfo

export function info(): Promise<SystemInfo> {
  return call(() => SystemService.Info())
}

/** The date on the hub's clock ('2026-12-07'): what a new event is dated on any device. */
export function today(): Promise<string> {
  return call(() => SystemService.Today())
}

/** Loads n demo members into an empty database (0 = the default 300); returns how many. */
export async function loadDemo(n = 0): Promise<number> {
  return (await call(() => SystemService.LoadDemo(n))) ?? 0
}

/**
 * Desktop only: asks where to save the file and writes it; resolves with the
 * path, or '' when the user cancelled the dialog.
 */
export async function saveFile(name: string, bytes: Uint8Array): Promise<string> {
  const data = await fileArg(bytes)
  return (await call(() => SystemService.SaveFile(name, data))) ?? ''
}

/** Desktop only: opens a file saveFile wrote, in the system's viewer. */
export function openFile(path: string): Promise<void> {
  return call(() => SystemService.OpenFile(path))
}
