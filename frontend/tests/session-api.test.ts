import { afterEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/session'
import { AppError } from '@/api/errors'

function respond(status: number, body: string) {
  return vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }))
}

afterEach(() => api.setFetch((...a) => fetch(...a)))

describe('session API', () => {
  it('reads the session with GET and parses it', async () => {
    const f = respond(200, '{"role":"desk","device":"门口 1","local":false,"lan":true,"csrf":"t"}')
    api.setFetch(f as unknown as typeof fetch)
    await expect(api.session()).resolves.toMatchObject({ role: 'desk', device: '门口 1', csrf: 't' })
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/session')
    expect(init.method).toBe('GET')
  })

  it('rejects a 401 with the reason the hub gave', async () => {
    api.setFetch(respond(401, '{"code":"unauthorized","reason":"session_revoked","message":"x"}') as unknown as typeof fetch)
    await expect(api.session()).rejects.toMatchObject({ code: 'unauthorized', reason: 'session_revoked' })
  })

  it('sends the trimmed code and device name when pairing, and keeps the rate limit seconds', async () => {
    const f = respond(429, '{"code":"invalid","reason":"pair_rate_limited","message":"x","params":{"seconds":"30"}}')
    api.setFetch(f as unknown as typeof fetch)
    const err = await api.pair(' 123456 ', ' 门口 1 ').catch((e) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ reason: 'pair_rate_limited', params: { seconds: '30' } })
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/pair')
    expect(JSON.parse(init.body as string)).toEqual({ code: '123456', device: '门口 1' })
  })

  it('turns a non-JSON failure into an error by status', async () => {
    api.setFetch(respond(403, 'forbidden') as unknown as typeof fetch)
    await expect(api.publicVerify('x')).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('sends the CSRF token on logout and accepts 204', async () => {
    const f = vi.fn(async () => new Response(null, { status: 204 }))
    api.setFetch(f as unknown as typeof fetch)
    await api.logout('tok')
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/logout')
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok')
  })

  it('sends a photo as base64 and resolves every verdict', async () => {
    const f = respond(200, '[{"status":"valid","serial":"S1"}]')
    api.setFetch(f as unknown as typeof fetch)
    await expect(api.publicVerifyImage('p.jpg', new Uint8Array([0x25, 0x50]))).resolves.toEqual([{ status: 'valid', serial: 'S1' }])
    const [, init] = f.mock.calls[0] as unknown as [string, RequestInit]
    expect(JSON.parse(init.body as string)).toEqual({ name: 'p.jpg', data: 'JVA=' })
  })
})
