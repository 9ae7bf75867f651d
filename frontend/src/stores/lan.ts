import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/lan'
import type { Device, LanOptions, LanStatus, PairingCode } from '@/api/lan'
import type { Role } from '@/api/session'
import { AppError, toAppError } from '@/api/errors'

/** The hub's side of LAN mode: the server's state, the pairing code shown, the paired devices. */
export const useLanStore = defineStore('lan', () => {
  const status = ref<LanStatus | null>(null)
  const code = ref<PairingCode | null>(null)
  const devices = ref<Device[]>([])
  const loading = ref(false)
  /** Which action is running: start/stop, a code, or a device id being revoked. */
  const busy = ref('')
  const error = ref<AppError | null>(null)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const [s, d] = await Promise.all([api.status(), api.devices()])
      status.value = s
      devices.value = d
      error.value = null
    } catch (e) {
      error.value = toAppError(e)
    } finally {
      loading.value = false
    }
  }

  /** Runs one action; its error lands in error (and is not thrown), the result is returned or null. */
  async function act<T>(what: string, run: () => Promise<T>): Promise<T | null> {
    busy.value = what
    error.value = null
    try {
      return await run()
    } catch (e) {
      error.value = toAppError(e)
      return null
    } finally {
      busy.value = ''
    }
  }

  /** Turns LAN mode on or off; a code shown for the old server is void either way. */
  async function setOn(on: boolean, opts: LanOptions): Promise<boolean> {
    const s = await act('switch', () => (on ? api.start(opts) : api.stop()))
    if (!s) return false
    status.value = s
    code.value = null
    return true
  }

  async function newCode(role: Role): Promise<PairingCode | null> {
    const c = await act('code', () => api.newPairingCode(role))
    if (c) code.value = c
    return c
  }

  async function refreshDevices(): Promise<void> {
    const d = await act('devices', api.devices)
    if (d) devices.value = d
  }

  async function revoke(id: string): Promise<boolean> {
    const done = await act(id, async () => {
      await api.revoke(id)
      return true
    })
    if (done) await refreshDevices()
    return !!done
  }

  return { status, code, devices, loading, busy, error, load, setOn, newCode, refreshDevices, revoke }
})
