import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/exports', () => ({ startPush: vi.fn(), pushResult: vi.fn(), jobStatus: vi.fn(), cancelJob: vi.fn() }))

import * as api from '@/api/exports'
import { usePgPushStore } from '@/stores/pgpush'
import { POLL_MS } from '@/stores/job'

const mocked = vi.mocked(api)
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
    mocked.jobStatus
      .mockResolvedValueOnce({ id: '5', state: 'running', done: 2, total: 6, file: '' })
      .mockResolvedValueOnce({ id: '5', state: 'done', done: 6, total: 6, file: '' })
    const summary = { target: 'hq@db:5432/ace', tables: [{ table: 'members', rows: 3, changed: 1, deleted: 2 }] }
    mocked.pushResult.mockResolvedValue(summary as never)
    const store = usePgPushStore()
    await store.push(target)
    expect(mocked.startPush).toHaveBeenCalledWith(target)
    expect(store.running).toBe(true)
    expect(store.percent).toBe(33)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(store.running).toBe(false)
    expect(store.summary).toEqual(summary)
  })

  it('shows a missing connection under its field, not as a failed load', async () => {
    mocked.startPush.mockRejectedValue({ code: 'invalid', reason: 'validation', message: 'x', fields: { dsn: 'required' } })
    const store = usePgPushStore()
    await store.push({ ...target, dsn: '' })
    expect(store.fieldErrors.dsn?.reason).toBe('required')
    expect(store.error).toBeNull()
    expect(mocked.jobStatus).not.toHaveBeenCalled()
  })

  it('keeps a failed connection as the error, with nothing to show as loaded', async () => {
    mocked.startPush.mockResolvedValue('6')
    mocked.jobStatus.mockResolvedValueOnce({
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
    mocked.jobStatus.mockResolvedValue({ id: '7', state: 'running', done: 1, total: 6, file: '' })
    mocked.cancelJob.mockResolvedValue()
    const store = usePgPushStore()
    await store.push(target)
    await store.cancel()
    expect(mocked.cancelJob).toHaveBeenCalledWith('7')
    expect(store.status?.state).toBe('cancelled')
    expect(store.running).toBe(false)
  })
})
