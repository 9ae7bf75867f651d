import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h } from 'vue'
import { mount } from '@vue/test-utils'
import type { JobStatus } from '@/api/jobs'
import { AppError } from '@/api/errors'
import { POLL_MS, useJob, type JobCalls } from '@/composables/useJob'

const running = (id: string, done: number, total: number): JobStatus => ({ id, state: 'running', done, total, file: '' })
const done = (id: string, total: number): JobStatus => ({ id, state: 'done', done: total, total, file: 'out.pdf' })

function calls() {
  return {
    status: vi.fn<JobCalls<string>['status']>(),
    cancel: vi.fn<JobCalls<string>['cancel']>().mockResolvedValue(),
    result: vi.fn<JobCalls<string>['result']>(),
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('useJob', () => {
  it('shows the progress of each poll, then resolves with the result', async () => {
    const c = calls()
    c.status.mockResolvedValueOnce(running('1', 1, 4)).mockResolvedValueOnce(running('1', 3, 4)).mockResolvedValueOnce(done('1', 4))
    c.result.mockResolvedValue('the file')
    const job = useJob(c)
    const ended = job.run(async () => '1', 4)
    await vi.advanceTimersByTimeAsync(0)
    expect(job.running.value).toBe(true)
    expect(job.percent.value).toBe(25)
    await vi.advanceTimersByTimeAsync(POLL_MS - 1)
    expect(c.status).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(job.percent.value).toBe(75)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(await ended).toBe('the file')
    expect(job.result.value).toBe('the file')
    expect(job.percent.value).toBe(100)
    expect(job.running.value).toBe(false)
    expect(c.result).toHaveBeenCalledWith('1')
    await vi.advanceTimersByTimeAsync(POLL_MS * 5)
    expect(c.status).toHaveBeenCalledTimes(3)
  })

  it('resolves with null and keeps the error of a failed job, fetching no result', async () => {
    const c = calls()
    c.status.mockResolvedValue({ ...running('2', 0, 1), state: 'failed', error: { code: 'invalid', reason: 'name_unprintable', message: 'x', params: { member: 'M' } } })
    const job = useJob(c)
    expect(await job.run(async () => '2')).toBeNull()
    expect(job.error.value).toBeInstanceOf(AppError)
    expect(job.error.value).toMatchObject({ reason: 'name_unprintable', params: { member: 'M' } })
    expect(job.job.value?.state).toBe('failed')
    expect(c.result).not.toHaveBeenCalled()
  })

  it('turns a status call that fails into a failed job and stops asking', async () => {
    const c = calls()
    c.status.mockResolvedValueOnce(running('3', 0, 2)).mockRejectedValueOnce({ code: 'not_found', reason: 'job_not_found', message: 'x' })
    const job = useJob(c)
    const ended = job.run(async () => '3')
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(await ended).toBeNull()
    expect(job.error.value?.reason).toBe('job_not_found')
    expect(job.job.value?.state).toBe('failed')
    await vi.advanceTimersByTimeAsync(POLL_MS * 5)
    expect(c.status).toHaveBeenCalledTimes(2)
  })

  it('keeps the error when the result of a done job cannot be fetched', async () => {
    const c = calls()
    c.status.mockResolvedValue(done('4', 1))
    c.result.mockRejectedValue({ code: 'conflict', reason: 'job_not_done', message: 'x' })
    const job = useJob(c)
    expect(await job.run(async () => '4')).toBeNull()
    expect(job.error.value?.reason).toBe('job_not_done')
    expect(job.result.value).toBeNull()
  })

  it('rejects when the job cannot start, and polls nothing', async () => {
    const c = calls()
    const job = useJob(c)
    await expect(job.run(() => Promise.reject(new AppError({ code: 'invalid', reason: 'no_certificates', message: 'x' })))).rejects.toMatchObject({
      reason: 'no_certificates',
    })
    expect(c.status).not.toHaveBeenCalled()
    expect(job.job.value).toBeNull()
  })

  it('cancels: the run resolves with null, the service is told, polling stops', async () => {
    const c = calls()
    c.status.mockResolvedValue(running('5', 1, 10))
    const job = useJob(c)
    const ended = job.run(async () => '5')
    await vi.advanceTimersByTimeAsync(0)
    await job.cancel()
    expect(await ended).toBeNull()
    expect(c.cancel).toHaveBeenCalledWith('5')
    expect(job.job.value?.state).toBe('cancelled')
    expect(job.running.value).toBe(false)
    expect(job.error.value).toBeNull()
    await vi.advanceTimersByTimeAsync(POLL_MS * 5)
    expect(c.status).toHaveBeenCalledTimes(1)
    expect(c.result).not.toHaveBeenCalled()
  })

  it('shows a refused cancel as the error', async () => {
    const c = calls()
    c.status.mockResolvedValue(running('6', 1, 10))
    c.cancel.mockRejectedValue({ code: 'not_found', reason: 'job_not_found', message: 'x' })
    const job = useJob(c)
    void job.run(async () => '6')
    await vi.advanceTimersByTimeAsync(0)
    await job.cancel()
    expect(job.error.value?.reason).toBe('job_not_found')
  })

  it('drops the answers of a run that a newer run replaced', async () => {
    const c = calls()
    let answer!: (s: JobStatus) => void
    c.status.mockReturnValueOnce(new Promise((r) => (answer = r))).mockResolvedValueOnce(running('8', 0, 2))
    const job = useJob(c)
    const first = job.run(async () => '7')
    await vi.advanceTimersByTimeAsync(0)
    void job.run(async () => '8')
    await vi.advanceTimersByTimeAsync(0)
    answer(done('7', 2))
    expect(await first).toBeNull()
    await vi.advanceTimersByTimeAsync(0)
    expect(job.job.value).toMatchObject({ id: '8', state: 'running' })
    expect(c.result).not.toHaveBeenCalled()
  })

  it('clears the last job', async () => {
    const c = calls()
    c.status.mockResolvedValue(done('9', 1))
    c.result.mockResolvedValue('file')
    const job = useJob(c)
    await job.run(async () => '9')
    job.clear()
    expect([job.job.value, job.error.value, job.result.value]).toEqual([null, null, null])
  })

  it('stops polling when the component that made it unmounts', async () => {
    const c = calls()
    c.status.mockResolvedValue(running('10', 0, 3))
    let ended: Promise<string | null> | undefined
    const Host = defineComponent({
      setup() {
        const job = useJob(c)
        ended = job.run(async () => '10')
        return () => h('div')
      },
    })
    const wrapper = mount(Host)
    await vi.advanceTimersByTimeAsync(POLL_MS)
    expect(c.status).toHaveBeenCalledTimes(2)
    wrapper.unmount()
    expect(await ended).toBeNull()
    await vi.advanceTimersByTimeAsync(POLL_MS * 5)
    expect(c.status).toHaveBeenCalledTimes(2)
    expect(c.cancel).not.toHaveBeenCalled()
  })

  it('does not poll a job that started after its scope ended', async () => {
    const c = calls()
    let started!: (id: string) => void
    const scope = effectScope()
    const ended = scope.run(() => useJob(c).run(() => new Promise((r) => (started = r))))!
    scope.stop()
    started('11')
    expect(await ended).toBeNull()
    await vi.advanceTimersByTimeAsync(POLL_MS * 2)
    expect(c.status).not.toHaveBeenCalled()
  })
})
