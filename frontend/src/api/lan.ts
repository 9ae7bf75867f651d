// The hub's LAN mode: on/off, pairing codes, paired devices. Hub-only: the
// server refuses these to every paired device.
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

// The same path the generated bindings take (window.go.web.LanService).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const svc = (): any => window.go.web.LanService

export function status(): Promise<LanStatus> {
  return call(() => svc().Status())
}

export function start(opts: LanOptions): Promise<LanStatus> {
  return call(() => svc().Start(opts))
}

export function stop(): Promise<LanStatus> {
  return call(() => svc().Stop())
}

/** A new one-time code for role; it voids the previous one. */
export function newPairingCode(role: Role): Promise<PairingCode> {
  return call(() => svc().NewPairingCode(role))
}

export async function devices(): Promise<Device[]> {
  return (await call<Device[] | null>(() => svc().Devices())) ?? []
}

export async function revoke(id: string): Promise<void> {
  await call(() => svc().Revoke(id))
}
