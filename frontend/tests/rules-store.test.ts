import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/rules', () => ({ get: vi.fn(), origin: vi.fn(), save: vi.fn(), copyToNextYear: vi.fn() }))

import * as api from '@/api/rules'
import { AppError } from '@/api/errors'
import { useRulesStore } from '@/stores/rules'

const mocked = vi.mocked(api)

function table(year: number, articlePoints = 20): api.YearRules {
  return {
    year,
    kinds: [
      { key: 'forum_beans', label_zh: 'PGFans PG 豆', label_en: 'PGFans forum beans', points: 100, unit: 2000 },
      { key: 'article', label_zh: '公众号首发文章', label_en: 'Article', points: articlePoints, unit: 1 },
    ],
    ace_threshold: 500,
    partner_threshold: 200,
  } as api.YearRules
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
  mocked.get.mockImplementation(async (y) => table(y))
  mocked.origin.mockResolvedValue(0)
})

describe('rules store', () => {
  it('loads a year with where its table comes from, saved kinds keeping their keys', async () => {
    mocked.origin.mockResolvedValueOnce(2025)
    const store = useRulesStore()
    await store.load(2026)
    expect(store.origin).toBe(2025)
    expect(store.draft?.kinds.every((k) => k.fixedKey)).toBe(true)
    expect(store.dirty).toBe(false)
  })

  it('keeps what was typed when the server refuses, and marks the field', async () => {
    const store = useRulesStore()
    await store.load(2026)
    store.draft!.kinds[1].points = -5
    mocked.save.mockRejectedValueOnce(new AppError({ code: 'invalid', reason: 'fields', message: 'x', fields: { 'kinds.1.points': 'negative' } }))
    expect(await store.save()).toBe(false)
    expect(store.fieldErrors).toEqual({ 'kinds.1.points': 'negative' })
    expect(store.draft!.kinds[1].points).toBe(-5)
    expect(store.dirty).toBe(true)
    store.clearFieldError('kinds.1.points')
    expect(store.fieldErrors).toEqual({})
  })

  it('marks empty boxes without asking the server', async () => {
    const store = useRulesStore()
    await store.load(2026)
    store.draft!.kinds[0].unit = null
    store.draft!.ace_threshold = null
    expect(await store.save()).toBe(false)
    expect(mocked.save).not.toHaveBeenCalled()
    expect(store.fieldErrors).toEqual({ 'kinds.0.unit': 'required', ace_threshold: 'required' })
  })

  it('saves the table without editor-only fields and shows it as saved', async () => {
    const store = useRulesStore()
    await store.load(2026)
    store.draft!.kinds[1].points = 30
    store.addKind()
    Object.assign(store.draft!.kinds[2], { key: 'book', label_zh: '合著图书', points: 300 })
    mocked.save.mockImplementationOnce(async (r) => r)
    expect(await store.save()).toBe(true)
    expect(mocked.save.mock.calls[0][0].kinds[2]).toEqual({ key: 'book', label_zh: '合著图书', label_en: '', points: 300, unit: 1 })
    expect(store.origin).toBe(2026)
    expect(store.dirty).toBe(false)
    expect(store.draft!.kinds[2].fixedKey).toBe(true)
  })

  it('removes only kinds added in this session', async () => {
    const store = useRulesStore()
    await store.load(2026)
    store.addKind()
    store.removeKind(0)
    expect(store.draft!.kinds).toHaveLength(3)
    store.removeKind(2)
    expect(store.draft!.kinds.map((k) => k.key)).toEqual(['forum_beans', 'article'])
  })

  it('copies to next year and shows it; a conflict is kept to show', async () => {
    const store = useRulesStore()
    await store.load(2026)
    mocked.copyToNextYear.mockResolvedValueOnce(table(2027))
    mocked.origin.mockResolvedValueOnce(2027)
    expect(await store.copyToNextYear()).toBe(true)
    expect(mocked.copyToNextYear).toHaveBeenCalledWith(2026)
    expect(store.year).toBe(2027)
    expect(store.origin).toBe(2027)

    mocked.copyToNextYear.mockRejectedValueOnce(new AppError({ code: 'conflict', reason: 'rules_exist', message: 'x', params: { year: '2028' } }))
    expect(await store.copyToNextYear()).toBe(false)
    expect(store.error?.reason).toBe('rules_exist')
  })
})
