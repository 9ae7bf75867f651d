import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/session', () => ({ session: vi.fn(), pair: vi.fn(), logout: vi.fn() }))

import * as api from '@/api/session'
import { AppError, call, onSessionLost } from '@/api/errors'
import { useSessionStore } from '@/stores/session'

const mocked = vi.mocked(api)
const desk = { role: 'desk' as const, device: '门口 1', local: false, lan: true, csrf: 't' }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  delete (window as unknown as { runtime?: unknown }).runtime
  onSessionLost(null)
})

describe('session store', () => {
  it('asks the hub once, however many pages ask at the same time', async () => {
    mocked.session.mockResolvedValue(desk)
    const s = useSessionStore()
    await Promise.all([s.load(), s.load(), s.load()])
    expect(mocked.session).toHaveBeenCalledTimes(1)
    expect(s.who).toBe('desk')
    expect(s.canWrite).toBe(false)
  })

  it('is the local admin in the desktop window without asking', async () => {
    ;(window as unknown as { runtime: unknown }).runtime = {}
    const s = useSessionStore()
    await s.load()
    expect(mocked.session).not.toHaveBeenCalled()
    expect(s.who).toBe('local')
    expect(s.canWrite).toBe(true)
  })

  it('tells local hub browsers from admin devices', async () => {
    mocked.session.mockResolvedValue({ role: 'admin', device: '', local: true, lan: true, csrf: 't' })
    const s = useSessionStore()
    await s.load()
    expect(s.who).toBe('local')
    expect(s.isLocal).toBe(true)
  })

  it('remembers why there is no session', async () => {
    mocked.session.mockRejectedValue(new AppError({ code: 'unauthorized', reason: 'session_expired', message: 'x' }))
    const s = useSessionStore()
    await s.load()
    expect(s.session).toBeNull()
    expect(s.lost).toBe('session_expired')
    expect(s.error).toBeNull()
  })

  it('keeps a network error apart from a lost session', async () => {
    mocked.session.mockRejectedValue(new AppError({ code: 'internal', reason: 'network', message: 'x' }))
    const s = useSessionStore()
    await s.load()
    expect(s.lost).toBe('')
    expect(s.error?.reason).toBe('network')
  })

  it('pairs and becomes the role the code was made for', async () => {
    mocked.session.mockRejectedValue(new AppError({ code: 'unauthorized', reason: 'no_session', message: 'x' }))
    mocked.pair.mockResolvedValue({ ...desk, role: 'viewer' })
    const s = useSessionStore()
    await s.load()
    await s.pair('123456', '门口 1')
    expect(mocked.pair).toHaveBeenCalledWith('123456', '门口 1')
    expect(s.who).toBe('viewer')
    expect(s.lost).toBe('')
    expect(s.pairing).toBe(false)
  })

  it('forgets the session when a call is refused as revoked, and only then', async () => {
    mocked.session.mockResolvedValue(desk)
    const s = useSessionStore()
    await s.load()
    onSessionLost(s.loseSession)
    const forbidden = new AppError({ code: 'unauthorized', reason: 'forbidden', message: 'x' })
    await expect(call(() => Promise.reject(forbidden))).rejects.toBe(forbidden)
    expect(s.who).toBe('desk')
    await expect(call(() => Promise.reject({ code: 'unauthorized', reason: 'session_revoked', message: 'x' }))).rejects.toMatchObject({
      reason: 'session_revoked',
    })
    expect(s.session).toBeNull()
    expect(s.lost).toBe('session_revoked')
  })
})
