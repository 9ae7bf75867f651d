import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/dashboard', () => ({ forYear: vi.fn() }))

import * as api from '@/api/dashboard'
import { AppError } from '@/api/errors'
import { useDashboardStore } from '@/stores/dashboard'
import { OTHER_CITIES, levelsOption, monthNames, monthsOption, topRows } from '@/dashboard'

const mocked = vi.mocked(api)

function dashboard(year: number, extra: Partial<api.Dashboard> = {}): api.Dashboard {
  return {
    year, members: 3, levels: { key: 'all', partner: 2, ace: 1, director: 0 }, pending: 4,
    points_by_month: [0, 20, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0], levels_by_city: [], levels_by_category: [],
    near_threshold: [], duties: [], ...extra,
  } as api.Dashboard
}

const count = (key: string, partner: number, ace = 0, director = 0) => ({ key, partner, ace, director }) as api.LevelCount

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('dashboard store', () => {
  it('loads a year and sums its points', async () => {
    mocked.forYear.mockResolvedValueOnce(dashboard(2025))
    const store = useDashboardStore()
    await store.load(2025)
    expect(mocked.forYear).toHaveBeenCalledWith(2025)
    expect(store.shownYear).toBe(2025)
    expect(store.yearPoints).toBe(120)
    expect(store.emptyDatabase).toBe(false)
  })

  it('tells an empty database from an empty year', async () => {
    const store = useDashboardStore()
    expect(store.emptyDatabase).toBe(false) // nothing loaded yet: no welcome flash
    mocked.forYear.mockResolvedValueOnce(dashboard(2026, { members: 0 }))
    await store.load(2026)
    expect(store.emptyDatabase).toBe(true)
  })

  it('applies only the latest year when answers arrive out of order', async () => {
    let resolveOld!: (d: api.Dashboard) => void
    mocked.forYear.mockReturnValueOnce(new Promise((r) => (resolveOld = r))).mockResolvedValueOnce(dashboard(2025))
    const store = useDashboardStore()
    const a = store.load(2024)
    await store.load(2025)
    resolveOld(dashboard(2024))
    await a
    expect(store.shownYear).toBe(2025)
    expect(store.data?.year).toBe(2025)
    expect(store.loading).toBe(false)
  })

  it('keeps an error to show, and clears it on the next success', async () => {
    mocked.forYear.mockRejectedValueOnce(new AppError({ code: 'internal', message: 'boom' }))
    const store = useDashboardStore()
    await store.load(2026)
    expect(store.error?.code).toBe('internal')
    mocked.forYear.mockResolvedValueOnce(dashboard(2026))
    await store.load(2026)
    expect(store.error).toBeNull()
  })
})

describe('dashboard charts', () => {
  it('names the months in the UI language', () => {
    expect(monthNames('zh-CN')[0]).toBe('1月')
    expect(monthNames('zh-CN')[11]).toBe('12月')
    expect(monthNames('en')[2]).toBe('Mar')
  })

  it('keeps the first cities and sums the rest into one bar', () => {
    const rows = [count('杭州', 5, 1), count('南京', 4), count('北京', 2, 1, 1), count('上海', 1, 2)]
    expect(topRows(rows, 4)).toEqual(rows)
    expect(topRows(rows, 3)).toEqual([count('杭州', 5, 1), count('南京', 4), count(OTHER_CITIES, 3, 3, 1)])
  })

  it('stacks the levels per row in level colours, labels translated', () => {
    const o = levelsOption([count('user', 2, 1), count('', 1)], (k) => (k ? `类别:${k}` : '未填'), (l) => `级别:${l}`)
    expect(o.yAxis.data).toEqual(['类别:user', '未填'])
    expect(o.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['级别:director', 'levels', [0, 0]],
      ['级别:ace', 'levels', [1, 0]],
      ['级别:partner', 'levels', [2, 1]],
    ])
    expect(o.color).toEqual(['#f0a020', '#336791', '#18a058'])
  })

  it('draws a bar per month', () => {
    const o = monthsOption([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], monthNames('en'), 'Points')
    expect(o.xAxis.data).toHaveLength(12)
    expect(o.series[0]).toMatchObject({ type: 'bar', name: 'Points', data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] })
  })
})
