import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/bundles', () => ({
  startExport: vi.fn(), exportResult: vi.fn(), startMerge: vi.fn(), mergeOutcomes: vi.fn(),
  conflictsFile: vi.fn(), mergedChapters: vi.fn(),
}))

vi.mock('@/api/jobs', () => {
  const status = vi.fn(), cancel = vi.fn(), result = vi.fn()
  return { status, cancel, result, jobCalls: { status, cancel } }
})

import * as jobs from '@/api/jobs'
import * as api from '@/api/bundles'
import { AppError } from '@/api/errors'
import { useBundlesStore } from '@/stores/bundles'
import { POLL_MS } from '@/composables/useJob'

const mocked = vi.mocked(api)
const jobsMocked = vi.mocked(jobs)
const hz = { name: 'hz.acebundle', bytes: new Uint8Array([1, 2]) }
const other = { name: 'other.acebundle', bytes: new Uint8Array([3]) }

beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  vi.clearAllMocks()
  mocked.mergedChapters.mockResolvedValue([])
})
afterEach(() => vi.useRealTimers())

describe('bundles store', () => {
  it('polls an export until done, then takes its file once', async () => {
    mocked.startExport.mockResolvedValue('3')
    jobsMocked.status
      .mockResolvedValueOnce({ id: '3', state: 'running', done: 0, total: 1, file: '' })
      .mockResolvedValueOnce({ id: '3', state: 'done', done: 1, total: 1, file: 'HZ-full.acebundle' })
    mocked.exportResult.mockResolvedValue({ name: 'HZ-full.acebundle', bytes: new Uint8Array([80, 75]) })
    const store = useBundlesStore()
    const exported = store.startExport(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(mocked.startExport).toHaveBeenCalledWith(true)
    expect(store.exportRunning).toBe(true)
    expect(store.exported).toBeNull()
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await exported
    expect(store.exportStatus?.state).toBe('done')
    expect(store.exported?.name).toBe('HZ-full.acebundle')
    expect(mocked.exportResult).toHaveBeenCalledTimes(1)
  })

  it('keeps a refused export as the error, not as a file', async () => {
    mocked.startExport.mockResolvedValue('4')
    jobsMocked.status.mockResolvedValueOnce({
      id: '4', state: 'failed', done: 0, total: 1, file: '',
      error: { code: 'invalid', reason: 'bundle_no_chapter_code', message: 'x' },
    })
    const store = useBundlesStore()
    await store.startExport(false)
    expect(store.exportError?.reason).toBe('bundle_no_chapter_code')
    expect(mocked.exportResult).not.toHaveBeenCalled()
  })

  it('merges, shows each outcome and the chapters, and merges one file again with its key accepted', async () => {
    mocked.startMerge.mockResolvedValueOnce('8').mockResolvedValueOnce('9')
    jobsMocked.status
      .mockResolvedValueOnce({ id: '8', state: 'done', done: 2000, total: 2000, file: 'merge.json' })
      .mockResolvedValueOnce({ id: '9', state: 'done', done: 1000, total: 1000, file: 'merge.json' })
    const conflict = { kind: 'member', reason: 'name_differs' } as api.MergeConflict
    mocked.mergeOutcomes
      .mockResolvedValueOnce([
        { file: 'hz.acebundle', result: { conflicts: [conflict, conflict] } },
        { file: 'other.acebundle', error: { code: 'conflict', reason: 'bundle_key_changed', message: 'x', params: { chapter: 'SH' } } },
      ] as unknown as api.MergeOutcome[])
      .mockResolvedValueOnce([{ file: 'other.acebundle', result: { key_changed: true, conflicts: [] } }] as unknown as api.MergeOutcome[])
    mocked.mergedChapters.mockResolvedValue([{ chapter: { id: 'HZ' } } as api.MergedChapter])
    const store = useBundlesStore()
    await store.startMerge([hz, other])
    expect(mocked.startMerge).toHaveBeenCalledWith([hz, other], [])
    expect(store.outcomes).toHaveLength(2)
    expect(store.conflictCount).toBe(2)
    expect(store.chapters.map((c) => c.chapter.id)).toEqual(['HZ'])

    await store.acceptKey('SH', 'other.acebundle')
    expect(mocked.startMerge).toHaveBeenLastCalledWith([other], ['SH'])
    expect(store.outcomes[0].result?.key_changed).toBe(true)
    expect(store.conflictCount).toBe(0)
  })

  it('cancels a running merge and stops polling', async () => {
    mocked.startMerge.mockResolvedValue('5')
    jobsMocked.status.mockResolvedValue({ id: '5', state: 'running', done: 10, total: 1000, file: '' })
    jobsMocked.cancel.mockResolvedValue()
    const store = useBundlesStore()
    const merged = store.startMerge([hz])
    await vi.advanceTimersByTimeAsync(0)
    expect(store.mergePercent).toBe(1)
    await store.cancelMerge()
    await merged
    expect(store.outcomes).toEqual([])
    expect(mocked.mergedChapters).not.toHaveBeenCalled()
    expect(jobsMocked.cancel).toHaveBeenCalledWith('5')
    expect(store.mergeStatus?.state).toBe('cancelled')
    await vi.advanceTimersByTimeAsync(POLL_MS * 4)
    expect(jobsMocked.status).toHaveBeenCalledTimes(1)
  })

  it('rejects with the AppError when no bundle is chosen', async () => {
    mocked.startMerge.mockRejectedValue(new AppError({ code: 'invalid', reason: 'bundle_none', message: 'x' }))
    const store = useBundlesStore()
    await expect(store.startMerge([])).rejects.toMatchObject({ reason: 'bundle_none' })
    expect(store.merging).toBe(false)
  })
})
