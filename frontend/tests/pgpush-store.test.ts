import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/exports', () => ({ startPush: vi.fn(), pushResult: vi.fn() }))

vi.mock('@/api/jobs', () => {
  const status = vi.fn(), cancel = vi.fn(), result = vi.fn()
  return { status, cancel, result, jobCalls: { status, cancel } }
})

import * as jobs from '@/api/jobs'
import * as api from '@/api/exports'
import { usePgPushStore } from '@/stores/pgpush'
import { POLL_MS } from '@/composables/useJob'

const mocked = vi.mocked(api)
const jobsMocked = vi.mocked(jobs)
const target = { dsn: 'postgres://hq@db:5432/ace', password: 'pw', year: 2026 }

beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => vi.useRealTimers())

describe('pgpush store', () => {
  it('polls a load until done and shows what each table sent, changed and deleted', async () => {
    mocked.startPush.mockResolvedValue('5')
    jobsMocked.status
      .mockResolvedValueOnce({ id: '5', state: 'running', done: 2, total: 6, file: '' })
      .mockResolvedValueOnce({ id: '5', state: 'done', done: 6, total: 6, file: '' })
    const summary = { target: 'hq@db:5432/ace', tables: [{ table: 'members', rows: 3, changed: 1, deleted: 2 }] }
    mocked.pushResult.mockResolvedValue(summary as never)
    const store = usePgPushStore()
    const pushed = store.push(target)
    await vi.advanceTimersByTimeAsync(0)
    expect(mocked.startPush).toHaveBeenCalledWith(target)
    expect(store.running).toBe(true)
    expect(store.percent).toBe(33)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await pushed
    expect(store.running).toBe(false)
    expect(store.summary).toEqual(summary)
  })

  it('shows a missing connection under its field, not as a failed load', async () => {
    mocked.startPush.mockRejectedValue({ code: 'invalid', reason: 'validation', message: 'x', fields: { dsn: 'required' } })
    const store = usePgPushStore()
    await store.push({ ...target, dsn: '' })
    expect(store.fieldErrors.dsn?.reason).toBe('required')
    expect(store.error).toBeNull()
    expect(jobsMocked.status).not.toHaveBeenCalled()
  })

  it('keeps a failed connection as the error, with nothing to show as loaded', async () => {
    mocked.startPush.mockResolvedValue('6')
    jobsMocked.status.mockResolvedValueOnce({
      id: '6', state: 'failed', done: 0, total: 6, file: '',
      error: { code: 'invalid', reason: 'pg_connect_failed', message: 'x', params: { target: 'hq@db:5432/ace', detail: 'refused' } },
    })
    const store = usePgPushStore()
    await store.push(target)
    expect(store.error?.reason).toBe('pg_connect_failed')
    expect(store.summary).toBeNull()
    expect(mocked.pushResult).not.toHaveBeenCalled()
  })

  it('cancels a running load', async () => {
    mocked.startPush.mockResolvedValue('7')
    jobsMocked.status.mockResolvedValue({ id: '7', state: 'running', done: 1, total: 6, file: '' })
    jobsMocked.cancel.mockResolvedValue()
    const store = usePgPushStore()
    const pushed = store.push(target)
    await vi.advanceTimersByTimeAsync(0)
    await store.cancel()
    await pushed
    expect(jobsMocked.cancel).toHaveBeenCalledWith('7')
    expect(store.status?.state).toBe('cancelled')
    expect(store.running).toBe(false)
  })
})
