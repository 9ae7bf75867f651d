import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/trophies', async (orig) => ({
  ...(await orig<typeof import('@/api/trophies')>()),
  forBatch: vi.fn(), update: vi.fn(),
}))
vi.mock('@/api/levels', () => ({ batches: vi.fn() }))

import * as api from '@/api/trophies'
import * as levels from '@/api/levels'
import { AppError } from '@/api/errors'
import { useTrophiesStore } from '@/stores/trophies'

const mocked = vi.mocked(api)
const mockedLevels = vi.mocked(levels)

function trophy(id: number, status: string, version = 0): api.Trophy {
  return { batch_id: '2025-Q4', member_id: id, name: `成员${id}`, level: 'partner', engraving: 'x', city: '杭州', phone: '', address: '', status, version } as api.Trophy
}
function batch(id: string, published: boolean): levels.Batch {
  return { id, year: Number(id.slice(0, 4)), quarter: Number(id.slice(-1)), entries: [], published } as unknown as levels.Batch
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('trophies store', () => {
  it('falls back to last year and shows its latest published batch', async () => {
    mockedLevels.batches.mockImplementation(async (y: number) =>
      y === 2026 ? [batch('2026-Q1', false)] : [batch('2025-Q3', true), batch('2025-Q4', true)],
    )
    mocked.forBatch.mockResolvedValue([trophy(1, 'to_order'), trophy(2, 'shipped'), trophy(3, 'shipped')])
    const store = useTrophiesStore()
    await store.loadYear(2026, true)
    expect(store.year).toBe(2025)
    expect(store.batchId).toBe('2025-Q4')
    expect(mocked.forBatch).toHaveBeenCalledWith('2025-Q4')
    expect(store.counts).toEqual({ to_order: 1, ordered: 0, shipped: 2, received: 0 })
  })

  it('saves a status with the version read and takes the new version', async () => {
    mockedLevels.batches.mockResolvedValue([batch('2025-Q4', true)])
    mocked.forBatch.mockResolvedValue([trophy(1, 'to_order', 2)])
    mocked.update.mockImplementation(async (t) => ({ ...t, version: t.version + 1 }) as api.Trophy)
    const store = useTrophiesStore()
    await store.loadYear(2025)
    await store.setStatus(1, 'ordered')
    expect(mocked.update).toHaveBeenCalledWith(expect.objectContaining({ member_id: 1, status: 'ordered', version: 2 }))
    expect(store.trophies[0]).toMatchObject({ status: 'ordered', version: 3 })
    expect(store.counts.ordered).toBe(1)
    expect(store.unsaved).toEqual([])
  })

  it('keeps the chosen status on a conflict, marks it unsaved, and a reload clears it', async () => {
    mockedLevels.batches.mockResolvedValue([batch('2025-Q4', true)])
    mocked.forBatch.mockResolvedValue([trophy(1, 'to_order', 0)])
    mocked.update.mockRejectedValue(new AppError({ code: 'conflict', reason: 'stale', message: 'x' }))
    const store = useTrophiesStore()
    await store.loadYear(2025)
    await expect(store.setStatus(1, 'received')).rejects.toMatchObject({ reason: 'stale' })
    expect(store.trophies[0].status).toBe('received')
    expect(store.unsaved).toEqual([1])
    expect(store.saving).toEqual([])
    mocked.forBatch.mockResolvedValue([trophy(1, 'shipped', 1)])
    await store.reload()
    expect(store.trophies[0]).toMatchObject({ status: 'shipped', version: 1 })
    expect(store.unsaved).toEqual([])
  })

  it('shows nothing when the year has no published batch', async () => {
    mockedLevels.batches.mockResolvedValue([batch('2025-Q1', false)])
    const store = useTrophiesStore()
    await store.loadYear(2025)
    expect(store.batchId).toBe('')
    expect(store.trophies).toEqual([])
    expect(mocked.forBatch).not.toHaveBeenCalled()
  })
})
