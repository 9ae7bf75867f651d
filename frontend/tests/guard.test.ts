import { describe, expect, it, vi } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { makeGuard } from '@/guard'
import { routes } from '@/router'
import type { Who } from '@/stores/session'

function to(name: string): RouteLocationNormalized {
  const r = routes.find((x) => 'name' in x && x.name === name)
  return { name, meta: (r && 'meta' in r ? r.meta : {}) ?? {} } as unknown as RouteLocationNormalized
}

function session(who: Who | null) {
  return { who, load: vi.fn(async () => {}) }
}

describe('router guard', () => {
  const cases: [Who | null, string, true | { name: string }][] = [
    [null, 'check', true],
    [null, 'pair', true],
    [null, 'members', { name: 'pair' }],
    [null, 'desk', { name: 'pair' }],
    ['desk', 'desk', true],
    ['desk', 'check', true],
    ['desk', 'pair', true],
    ['desk', 'members', { name: 'desk' }],
    ['desk', 'settings', { name: 'desk' }],
    ['viewer', 'members', true],
    ['admin', 'settings', true],
    ['local', 'settings', true],
    ['local', 'desk', true],
  ]
  for (const [who, page, want] of cases) {
    it(`${who ?? 'anonymous'} → ${page}`, async () => {
      const s = session(who)
      expect(await makeGuard(s)(to(page))).toEqual(want)
    })
  }

  it('lets the public check page open without asking the hub who this is', async () => {
    const s = session(null)
    await makeGuard(s)(to('check'))
    expect(s.load).not.toHaveBeenCalled()
  })

  it('waits for the session before deciding', async () => {
    const s = { who: null as Who | null, load: vi.fn(async () => { s.who = 'desk' }) }
    expect(await makeGuard(s)(to('members'))).toEqual({ name: 'desk' })
  })
})
