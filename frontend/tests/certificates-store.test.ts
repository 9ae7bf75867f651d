import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'

vi.mock('@/api/certificates', () => ({
  list: vi.fn(), forBatch: vi.fn(), forRenewal: vi.fn(), forLeads: vi.fn(), forEvent: vi.fn(), revoke: vi.fn(), preview: vi.fn(), print: vi.fn(),
 
}))

vi.mock('@/api/jobs', () => {
  const status = vi.fn(), cancel = vi.fn(), result = vi.fn()
  return { status, cancel, result, jobCalls: { status, cancel } }
})

import * as jobs from '@/api/jobs'
import * as api from '@/api/certificates'
import { AppError } from '@/api/errors'
import { useCertificatesStore } from '@/stores/certificates'
import { POLL_MS } from '@/composables/useJob'

const mocked = vi.mocked(api)
const jobsMocked = vi.mocked(jobs)

function cert(serial: string, extra: Partial<api.Certificate> = {}): api.Certificate {
  return { serial, kind: 'honor', name: '张三', title: 'PostgreSQL ACE', year: 2025, prints: 0, revoked: false, ...extra } as api.Certificate
}

beforeEach(() => {
  vi.useFakeTimers()
  setActivePinia(createPinia())
  vi.clearAllMocks()
  mocked.list.mockResolvedValue([])
})
afterEach(() => vi.useRealTimers())

describe('decodeBytes', () => {
  it('decodes the base64 of Go byte slices', async () => {
    const { decodeBytes } = await vi.importActual<typeof api>('@/api/certificates')
    expect(Array.from(decodeBytes('JVBERg=='))).toEqual([0x25, 0x50, 0x44, 0x46])
  })
})

describe('certificates store', () => {
  it('issues a batch and shows the issued certificates', async () => {
    const issued = [cert('2025-Q4-001'), cert('2025-Q4-002')]
    mocked.forBatch.mockResolvedValue(issued)
    mocked.list.mockResolvedValue(issued)
    const store = useCertificatesStore()
    const out = await store.issue({ kind: 'batch', batch: '2025-Q4' })
    expect(mocked.forBatch).toHaveBeenCalledWith('2025-Q4')
    expect(out).toHaveLength(2)
    expect(store.certificates.map((c) => c.serial)).toEqual(['2025-Q4-001', '2025-Q4-002'])
    expect(store.issued).toEqual(['2025-Q4-001', '2025-Q4-002'])
    expect(store.issuing).toBe(false)
  })

  it('issues each source through its own call and selects what it issued, but not the revoked', async () => {
    const out = [cert('A'), cert('B', { revoked: true })]
    mocked.forRenewal.mockResolvedValue(out)
    mocked.forLeads.mockResolvedValue(out)
    mocked.forEvent.mockResolvedValue(out)
    const store = useCertificatesStore()
    await store.issue({ kind: 'renewal', year: 2025 })
    expect(mocked.forRenewal).toHaveBeenCalledWith(2025)
    await store.issue({ kind: 'leads', year: 2026 })
    expect(mocked.forLeads).toHaveBeenCalledWith(2026)
    await store.issue({ kind: 'event', event: 7 })
    expect(mocked.forEvent).toHaveBeenCalledWith(7)
    expect(mocked.forBatch).not.toHaveBeenCalled()
    expect(store.issued).toEqual(['A', 'B'])
    expect(store.selected).toEqual(['A'])
  })

  it('rejects with the AppError when the batch is not published', async () => {
    mocked.forBatch.mockRejectedValue(new AppError({ code: 'conflict', reason: 'batch_unpublished', message: 'x' }))
    const store = useCertificatesStore()
    await expect(store.issue({ kind: 'batch', batch: '2026-Q1' })).rejects.toMatchObject({ reason: 'batch_unpublished' })
    expect(store.issuing).toBe(false)
  })

  it('polls a print job every POLL_MS until done, then fetches its file', async () => {
    mocked.print.mockResolvedValue('7')
    jobsMocked.status
      .mockResolvedValueOnce({ id: '7', state: 'running', done: 0, total: 2, file: '' })
      .mockResolvedValueOnce({ id: '7', state: 'running', done: 1, total: 2, file: '' })
      .mockResolvedValueOnce({ id: '7', state: 'done', done: 2, total: 2, file: 'certs.pdf' })
    jobsMocked.result.mockResolvedValue({ name: 'certs.pdf', bytes: new Uint8Array([1, 2]) })
    const store = useCertificatesStore()
    const printed = store.print(['a', 'b'], false)
    await vi.advanceTimersByTimeAsync(0)
    expect(mocked.print).toHaveBeenCalledWith(['a', 'b'], false)
    expect(store.job).toMatchObject({ state: 'running', done: 0 })
    expect(store.printing).toBe(true)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(store.job).toMatchObject({ state: 'running', done: 1 })
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(store.job).toMatchObject({ state: 'done', done: 2, total: 2 })
    expect(jobsMocked.result).toHaveBeenCalledWith('7')
    expect(store.result?.name).toBe('certs.pdf')
    expect(store.percent).toBe(100)
    await printed
    expect(jobsMocked.status).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(POLL_MS * 4)
    expect(jobsMocked.status).toHaveBeenCalledTimes(3)
  })

  it('cancels a running job and stops polling', async () => {
    mocked.print.mockResolvedValue('8')
    jobsMocked.status.mockResolvedValue({ id: '8', state: 'running', done: 1, total: 5, file: '' })
    jobsMocked.cancel.mockResolvedValue()
    const store = useCertificatesStore()
    const printed = store.print(['a', 'b', 'c', 'd', 'e'], true)
    await vi.advanceTimersByTimeAsync(0)
    await store.cancel()
    await printed
    expect(jobsMocked.cancel).toHaveBeenCalledWith('8')
    expect(store.job?.state).toBe('cancelled')
    const calls = jobsMocked.status.mock.calls.length
    await vi.advanceTimersByTimeAsync(POLL_MS * 4)
    expect(jobsMocked.status).toHaveBeenCalledTimes(calls)
    expect(jobsMocked.result).not.toHaveBeenCalled()
  })

  it('turns a failed job into its error', async () => {
    mocked.print.mockResolvedValue('9')
    jobsMocked.status
      .mockResolvedValueOnce({ id: '9', state: 'running', done: 0, total: 1, file: '' })
      .mockResolvedValueOnce({
        id: '9', state: 'failed', done: 0, total: 1, file: '',
        error: { code: 'invalid', reason: 'name_unprintable', message: 'x', params: { member: '𠮷', chars: '𠮷' } },
      })
    const store = useCertificatesStore()
    const printed = store.print(['a'], false)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    await printed
    expect(store.job?.state).toBe('failed')
    expect(store.jobError).toBeInstanceOf(AppError)
    expect(store.jobError).toMatchObject({ reason: 'name_unprintable', params: { chars: '𠮷' } })
    expect(store.result).toBeNull()
    expect(jobsMocked.result).not.toHaveBeenCalled()
  })

  it('stops polling when asked (the page unmounts)', async () => {
    mocked.print.mockResolvedValue('10')
    jobsMocked.status.mockResolvedValue({ id: '10', state: 'running', done: 0, total: 3, file: '' })
    const store = useCertificatesStore()
    const printed = store.print(['a'], false)
    await vi.advanceTimersByTimeAsync(0)
    store.stopPolling()
    await printed
    await vi.advanceTimersByTimeAsync(POLL_MS * 4)
    expect(jobsMocked.status).toHaveBeenCalledTimes(1)
  })
})
