import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/lan', () => ({ status: vi.fn(), start: vi.fn(), stop: vi.fn(), newPairingCode: vi.fn(), devices: vi.fn(), revoke: vi.fn() }))

import * as api from '@/api/lan'
import { AppError } from '@/api/errors'
import { useLanStore } from '@/stores/lan'

const mocked = vi.mocked(api)
const off: api.LanStatus = { on: false, listen: '', urls: [], tls: false, fingerprint: '', pair_url: '', qr_png: '', error: '' }
const on: api.LanStatus = { ...off, on: true, listen: '0.0.0.0:8443', urls: ['http://192.168.1.5:8443/'], pair_url: 'http://192.168.1.5:8443/#/pair' }
const device = (id: string, revoked = false): api.Device => ({
  id, name: `门口 ${id}`, role: 'desk', paired_at: '', last_seen: '', address: '192.168.1.23', expires_at: '', revoked,
})

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  mocked.status.mockResolvedValue(off)
  mocked.devices.mockResolvedValue([])
})

describe('LAN store', () => {
  it('loads the status and the devices', async () => {
    mocked.devices.mockResolvedValue([device('a')])
    const s = useLanStore()
    await s.load()
    expect(s.status?.on).toBe(false)
    expect(s.devices.map((d) => d.id)).toEqual(['a'])
  })

  it('starts with the options given and drops a code made for the old server', async () => {
    mocked.start.mockResolvedValue(on)
    mocked.newPairingCode.mockResolvedValue({ code: '123456', role: 'desk', expires_at: '', pair_url: '', qr_png: '' })
    const s = useLanStore()
    await s.newCode('desk')
    expect(s.code?.code).toBe('123456')
    expect(await s.setOn(true, { listen: '0.0.0.0:8443', tls: true })).toBe(true)
    expect(mocked.start).toHaveBeenCalledWith({ listen: '0.0.0.0:8443', tls: true })
    expect(s.status?.urls).toEqual(['http://192.168.1.5:8443/'])
    expect(s.code).toBeNull()
  })

  it('keeps the state and shows the error when starting fails', async () => {
    mocked.start.mockRejectedValue(new AppError({ code: 'invalid', reason: 'lan_listen', message: 'x' }))
    const s = useLanStore()
    await s.load()
    expect(await s.setOn(true, { listen: 'bad', tls: false })).toBe(false)
    expect(s.status?.on).toBe(false)
    expect(s.error?.reason).toBe('lan_listen')
    expect(s.busy).toBe('')
  })

  it('asks for a code of the role picked', async () => {
    mocked.newPairingCode.mockResolvedValue({ code: '654321', role: 'viewer', expires_at: '', pair_url: '', qr_png: '' })
    const s = useLanStore()
    await s.newCode('viewer')
    expect(mocked.newPairingCode).toHaveBeenCalledWith('viewer')
    expect(s.code?.role).toBe('viewer')
  })

  it('revokes a device and shows the list as the hub has it now', async () => {
    mocked.devices.mockResolvedValueOnce([device('a'), device('b')]).mockResolvedValueOnce([device('a', true), device('b')])
    mocked.revoke.mockResolvedValue(undefined)
    const s = useLanStore()
    await s.load()
    expect(await s.revoke('a')).toBe(true)
    expect(mocked.revoke).toHaveBeenCalledWith('a')
    expect(s.devices.find((d) => d.id === 'a')?.revoked).toBe(true)
  })
})
