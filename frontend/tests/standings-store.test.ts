import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/standings', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/standings')>()
  return { ...real, forYear: vi.fn(), rulesOf: vi.fn(async (year: number) => ({ year, kinds: [], ace_threshold: 500, partner_threshold: 200 })) }
})

import * as api from '@/api/standings'
import { AppError } from '@/api/errors'
import { offeredYears, summarize, useStandingsStore } from '@/stores/standings'

const mocked = vi.mocked(api)

function row(id: number, level: string, points: number, next = '', toNext = 0, extra: Partial<api.StandingRow> = {}): api.StandingRow {
  return {
    member_id: id, name: `成员${id}`, phone: `1380000${String(id).padStart(4, '0')}`, city: '杭州', year: 2026, points,
    points_by_kind: {}, level, next, to_next: toNext, tracks: [], reasons: [], ...extra,
  } as api.StandingRow
}

function deferred<T>() {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((res) => (resolve = res))
  return { promise, resolve }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('standings summary', () => {
  it('counts each level, and the people the server marks near a threshold', () => {
    const rows = [
      row(1, 'ace', 520),
      row(2, 'ace', 500),
      row(3, 'partner', 400, 'ace', 100, { near: true }),
      row(4, 'partner', 399, 'ace', 101),
      row(5, 'none', 160, 'partner', 40, { near: true }),
      row(6, 'none', 159, 'partner', 41),
      row(7, 'director', 180, 'partner', 20),
      row(8, 'ace', 600, '', 0),
    ]
    expect(summarize(rows)).toEqual({ ace: 3, partner: 2, director: 1, near: 2 })
    expect(summarize([])).toEqual({ ace: 0, partner: 0, director: 0, near: 0 })
  })

  it('offers this year and the four before it', () => {
    expect(offeredYears(new Date(2026, 4, 1))).toEqual([2026, 2025, 2024, 2023, 2022])
  })
})

describe('standings store', () => {
  it('loads a year and its rules, and summarizes', async () => {
    mocked.forYear.mockResolvedValueOnce([row(1, 'ace', 500), row(2, 'partner', 200, 'ace', 300), row(3, 'none', 160, 'partner', 40, { near: true })])
    const store = useStandingsStore()
    await store.load(2025)
    expect(mocked.forYear).toHaveBeenCalledWith(2025)
    expect(mocked.rulesOf).toHaveBeenCalledWith(2025)
    expect(store.shownYear).toBe(2025)
    expect(store.rules?.ace_threshold).toBe(500)
    expect(store.summary).toEqual({ ace: 1, partner: 1, director: 0, near: 1 })
  })

  it('applies only the latest year when answers arrive out of order', async () => {
    const old = deferred<api.StandingRow[]>()
    const fresh = deferred<api.StandingRow[]>()
    mocked.forYear.mockReturnValueOnce(old.promise).mockReturnValueOnce(fresh.promise)
    const store = useStandingsStore()
    const a = store.load(2024)
    const b = store.load(2025)
    fresh.resolve([row(1, 'ace', 500)])
    await b
    old.resolve([row(2, 'partner', 200), row(3, 'partner', 210)])
    await a
    expect(store.shownYear).toBe(2025)
    expect(store.rows.map((r) => r.member_id)).toEqual([1])
    expect(store.loading).toBe(false)
  })

  it('keeps an error to show, and clears it on the next success', async () => {
    mocked.forYear.mockRejectedValueOnce(new AppError({ code: 'internal', message: 'boom' }))
    const store = useStandingsStore()
    await store.load(2026)
    expect(store.error?.code).toBe('internal')
    mocked.forYear.mockResolvedValueOnce([])
    await store.load(2026)
    expect(store.error).toBeNull()
  })

  it('filters by level and by name or phone', async () => {
    mocked.forYear.mockResolvedValueOnce([
      row(1, 'ace', 500, '', 0, { name: '王喆', phone: '13800000001' }),
      row(2, 'partner', 200, 'ace', 300, { name: '李堃', phone: '13900000002' }),
      row(3, 'ace', 520, '', 0, { name: '张伟', phone: '13700000003' }),
    ])
    const store = useStandingsStore()
    await store.load(2026)
    store.setLevel('ace')
    expect(store.filtered.map((r) => r.member_id)).toEqual([1, 3])
    store.setText('张')
    expect(store.filtered.map((r) => r.member_id)).toEqual([3])
    store.setLevel('all')
    store.setText('139 0000')
    expect(store.filtered.map((r) => r.member_id)).toEqual([2])
    store.setText('')
    expect(store.filtered).toHaveLength(3)
    // The summary is of the whole year, not the filtered rows.
    store.setLevel('partner')
    expect(store.summary.ace).toBe(2)
  })

  it('filters by the level held, as the dashboard counts it', async () => {
    mocked.forYear.mockResolvedValueOnce([
      row(1, 'ace', 520, '', 0, { held: 'partner' }),
      row(2, 'partner', 200, 'ace', 300, { held: 'ace' }),
      row(3, 'ace', 520, '', 0, { held: 'ace' }),
    ])
    const store = useStandingsStore()
    await store.load(2026)
    store.setHeld('ace')
    expect(store.filtered.map((r) => r.member_id)).toEqual([2, 3])
    store.setLevel('ace')
    expect(store.filtered.map((r) => r.member_id)).toEqual([3])
    store.setHeld('all')
    store.setLevel('all')
    expect(store.filtered).toHaveLength(3)
  })
})
