import { computed, ref } from 'vue'
import type { JobStatus } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'

/**
 * How often a running job is asked for its progress: a finished merge or
 * export shows on average half this late.
 */
export const POLL_MS = 100

/** How a kind of job is asked about: each service has its own job table. */
export interface JobCalls {
  status: (id: string) => Promise<JobStatus>
  cancel: (id: string) => Promise<void>
}

/**
 * One background job at a time of one kind: started, polled until it
 * ends, cancelled. finish runs once when it is done.
 */
export function useJob(calls: JobCalls, finish: (id: string) => Promise<void>) {
  const job = ref<JobStatus | null>(null)
  const error = ref<AppError | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  let generation = 0

  function stop(): void {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  async function poll(id: string, gen: number): Promise<void> {
    timer = null
    let s: JobStatus
    try {
      s = await calls.status(id)
    } catch (e) {
      if (gen !== generation) return
      error.value = toAppError(e)
      if (job.value) job.value = { ...job.value, state: 'failed' }
      return
    }
    if (gen !== generation) return
    job.value = s
    if (s.state === 'running') {
      timer = setTimeout(() => void poll(id, gen), POLL_MS)
    } else if (s.state === 'failed') {
      error.value = toAppError(s.error ?? { code: 'internal', message: 'job failed' })
    } else if (s.state === 'done') {
      try {
        await finish(id)
      } catch (e) {
        if (gen === generation) error.value = toAppError(e)
      }
    }
  }

  /**
   * Starts a job of total items (0 when unknown until it reports); rejects
   * with the AppError when it cannot start.
   */
  async function run(start: () => Promise<string>, total = 0): Promise<void> {
    stop()
    error.value = null
    const id = await start()
    const gen = generation
    job.value = { id, state: 'running', done: 0, total, file: '' }
    await poll(id, gen)
  }

  async function cancel(): Promise<void> {
    const current = job.value
    if (!current || current.state !== 'running') return
    stop()
    await calls.cancel(current.id)
    job.value = { ...current, state: 'cancelled' }
  }

  const running = computed(() => job.value?.state === 'running')
  const percent = computed(() => {
    const j = job.value
    if (!j) return 0
    if (j.state === 'done') return 100
    return j.total > 0 ? Math.round((j.done / j.total) * 100) : 0
  })
  return { job, error, running, percent, run, cancel, stop }
}

