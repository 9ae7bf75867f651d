import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHttpGo, csrfSource, httpCall, installShim, type WailsGo } from '@/api/shim'
import { AppError } from '@/api/errors'

const json = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'application/json' } })

// respond answers every call with body; GET /api/session hands out the
// CSRF token, and is left out of the mock's calls so each test sees its own.
function respond(status: number, body: string, token = 'tok-1') {
  const session = vi.fn(async () => json(200, JSON.stringify({ role: 'admin', csrf: token })))
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/session') return session()
    void init
    return json(status, body)
  })
  return Object.assign(fetch, { session })
}

describe('HTTP shim', () => {
  afterEach(() => {
    delete window.go
  })

  it('POSTs the arguments as a JSON array to /api/call/<ns>.<Service>.<Method>', async () => {
    const fetch = respond(200, '{"items":[],"total":0}')
    const go = createHttpGo(fetch as unknown as typeof globalThis.fetch)
    const q = { text: '张', archived: false, offset: 0, limit: 50 }
    await expect(go.service.MemberService.Search(q)).resolves.toEqual({ items: [], total: 0 })
    expect(fetch).toHaveBeenCalledTimes(2) // the session, then the call
    const [url, init] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect(url).toBe('/api/call/service.MemberService.Search')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body as string)).toEqual([q])
  })

  it('sends several arguments in order and resolves null bodies', async () => {
    const fetch = respond(200, 'null')
    const go = createHttpGo(fetch as unknown as typeof globalThis.fetch)
    await expect(go.service.MemberService.Delete(12, 3)).resolves.toBeNull()
    const [url, init] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect(url).toBe('/api/call/service.MemberService.Delete')
    expect(init.body).toBe('[12,3]')
  })

  it('rejects with the parsed error body on non-2xx', async () => {
    const err = { code: 'invalid', reason: 'fields', message: 'invalid fields', fields: { phone: 'invalid_phone' } }
    const go = createHttpGo(respond(400, JSON.stringify(err)) as unknown as typeof globalThis.fetch)
    await expect(go.service.MemberService.Create({})).rejects.toEqual(err)
  })

  it('rejects with code internal, reason network when fetch fails', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const go = createHttpGo(fetch as unknown as typeof globalThis.fetch)
    await expect(go.service.SystemService.Info()).rejects.toEqual({
      code: 'internal',
      reason: 'network',
      message: 'TypeError: Failed to fetch',
    })
  })

  it('rejects with an internal error when an error body is not JSON', async () => {
    const go = createHttpGo(respond(502, '<html>Bad gateway</html>') as unknown as typeof globalThis.fetch)
    await expect(go.service.SystemService.Info()).rejects.toMatchObject({ code: 'internal' })
  })

  it('is not mistaken for a promise', async () => {
    const go = createHttpGo(respond(200, '1') as unknown as typeof globalThis.fetch)
    expect((go as unknown as { then?: unknown }).then).toBeUndefined()
    expect((go.app as unknown as { then?: unknown }).then).toBeUndefined()
  })

  it('installs only when window.go is missing', () => {
    const existing = { app: {} }
    window.go = existing
    expect(installShim(window)).toBe(false)
    expect(window.go).toBe(existing)
    delete window.go
    expect(installShim(window)).toBe(true)
    // The delete above narrows window.go for TypeScript, which cannot see installShim set it again.
    expect(typeof (window.go as WailsGo | undefined)?.service.MemberService.Search).toBe('function')
  })

  it('sends the CSRF token of GET /api/session, fetched once', async () => {
    const fetch = respond(200, 'null', 'abc')
    const go = createHttpGo(fetch as unknown as typeof globalThis.fetch)
    await go.service.SystemService.Info()
    await go.service.SystemService.Info()
    expect(fetch.session).toHaveBeenCalledTimes(1)
    for (const [, init] of fetch.mock.calls.filter(([u]) => u !== '/api/session')) {
      expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('abc')
    }
  })

  it('fetches the token again and retries once after a csrf refusal', async () => {
    let token = 'old'
    let calls = 0
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/session') return json(200, JSON.stringify({ csrf: token }))
      calls++
      const sent = (init?.headers as Record<string, string>)['X-CSRF-Token']
      if (sent !== 'new') return json(403, '{"code":"unauthorized","reason":"csrf","message":"x"}')
      return json(200, '7')
    })
    const source = csrfSource(fetch as unknown as typeof globalThis.fetch)
    await source.get()
    token = 'new'
    await expect(httpCall(fetch as unknown as typeof globalThis.fetch, '/api/call/', 'app.X.Y', [], source)).resolves.toBe(7)
    expect(calls).toBe(2)
  })

  it('does not keep a missing token, so the call after pairing fetches it', async () => {
    let paired = false
    const fetch = vi.fn(async (url: string) => {
      if (url === '/api/session') return paired ? json(200, '{"csrf":"t"}') : json(401, '{"code":"unauthorized","reason":"no_session"}')
      return json(200, 'null')
    })
    const source = csrfSource(fetch as unknown as typeof globalThis.fetch)
    expect(await source.get()).toBe('')
    paired = true
    expect(await source.get()).toBe('t')
  })

  it('makes the typed wrappers reject with AppError in browser mode', async () => {
    const fetch = respond(409, JSON.stringify({ code: 'conflict', reason: 'member_has_history', message: 'x', params: { member: '王伟' } }))
    installShim(window, fetch as unknown as typeof globalThis.fetch)
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const members = await import('@/api/members')
    const err = await members.remove(5, 2).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'conflict', reason: 'member_has_history', params: { member: '王伟' } })
    const [url, init] = fetch.mock.calls[1] as unknown as [string, RequestInit]
    expect(url).toBe('/api/call/service.MemberService.Delete')
    expect(init.body).toBe('[5,2]')
  })
})
