// The hub's LAN mode: on/off, pairing codes, paired devices. Hub-only: the
// server refuses these to every paired device.
import * as LanService from '../../wailsjs/go/web/LanService'
import { web } from '../../wailsjs/go/models'
import { call } from './errors'
import type { Role } from './session'

export interface LanStatus {
  on: boolean
  listen: string
  urls: string[]
  tls: boolean
  fingerprint: string
  pair_url: string
  /** The pairing page's QR code as a data: URL made by the hub. */
  qr_png: string
  /** Why the last start failed (e.g. the port is taken); '' when fine. */
  error: string
}

export interface LanOptions {
  listen: string
  tls: boolean
}

export interface PairingCode {
  code: string
  role: Role
  expires_at: string
  pair_url: string
  qr_png: string
}

export interface Device {
  id: string
  name: string
  role: Role
  paired_at: string
  last_seen: string
  address: string
  expires_at: string
  revoked: boolean
}

export function status(): Promise<LanStatus> {
  return call(() => LanService.Status())
}

export function start(opts: LanOptions): Promise<LanStatus> {
  return call(() => LanService.Start(web.LanOptions.createFrom(opts)))
}

export function stop(): Promise<LanStatus> {
  return call(() => LanService.Stop())
}

/** A new one-time code for role; it voids the previous one. */
export async function newPairingCode(role: Role): Promise<PairingCode> {
  return (await call(() => LanService.NewPairingCode(role))) as PairingCode
}

export async function devices(): Promise<Device[]> {
  return ((await call(() => LanService.Devices())) ?? []) as Device[]
}

export async function revoke(id: string): Promise<void> {
  await call(() => LanService.Revoke(id))
}
