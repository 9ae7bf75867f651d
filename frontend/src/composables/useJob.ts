import { computed, getCurrentScope, onScopeDispose, ref, shallowRef, type ShallowRef } from 'vue'
import type { JobStatus } from '@/api/jobs'
import { AppError, toAppError } from '@/api/errors'

/**
 * How often a running job is asked for its progress: a finished merge or
 * export shows on average half this late.
 */
export const POLL_MS = 100

/** How a kind of job is asked about: each service has its own job table. */
export interface JobCalls<R> {
  status: (id: string) => Promise<JobStatus>
  cancel: (id: string) => Promise<void>
  /** What a finished job hands over: its file, its summary, its outcomes. */
  result: (id: string) => Promise<R>
}

/**
 * One background job at a time of one kind: started, polled every POLL_MS
 * until it ends, cancelled. Polling stops with the scope that made the
 * poller (a component's unmount, a store's dispose) or on stop().
 */
export function useJob<R>(calls: JobCalls<R>) {
  const job = ref<JobStatus | null>(null)
  const error = ref<AppError | null>(null)
  /** The finished job's result; null until it is fetched. */
  const result: ShallowRef<R | null> = shallowRef(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  // Counts runs and stops, so answers to a run that was left are dropped.
  let generation = 0
  // Resolves the promise run() returned; every way a run ends calls it once.
  let settle: ((r: R | null) => void) | null = null

  function end(r: R | null): void {
    const s = settle
    settle = null
    s?.(r)
  }

  /** Stops polling; the job itself goes on (cancel() ends it). */
  function stop(): void {
    generation++
    if (timer !== null) clearTimeout(timer)
    timer = null
    end(null)
  }

  function fail(e: unknown): void {
    error.value = toAppError(e)
    end(null)
  }

  async function poll(id: string, gen: number): Promise<void> {
    timer = null
    let s: JobStatus
    try {
      s = await calls.status(id)
    } catch (e) {
      if (gen !== generation) return
      if (job.value) job.value = { ...job.value, state: 'failed' }
      return fail(e)
    }
    if (gen !== generation) return
    job.value = s
    if (s.state === 'running') {
      timer = setTimeout(() => void poll(id, gen), POLL_MS)
    } else if (s.state === 'failed') {
      fail(s.error ?? { code: 'internal', message: 'job failed' })
    } else if (s.state === 'done') {
      try {
        const r = await calls.result(id)
        if (gen !== generation) return
        result.value = r
        end(r)
      } catch (e) {
        if (gen === generation) fail(e)
      }
    } else {
      end(null)
    }
  }

  /**
   * Starts a job of total items (0 when unknown until it reports) and
   * resolves with its result once it is done, or null when it failed (error
   * says why), was cancelled or stopped. Rejects with the AppError when the
   * job cannot start.
   */
  async function run(start: () => Promise<string>, total = 0): Promise<R | null> {
    stop()
    error.value = null
    result.value = null
    const gen = generation
    const id = await start()
    if (gen !== generation) return null
    job.value = { id, state: 'running', done: 0, total, file: '' }
    const ended = new Promise<R | null>((resolve) => (settle = resolve))
    void poll(id, gen)
    return ended
  }

  /** Cancels the running job; a refusal (it ended meanwhile) shows as the error. */
  async function cancel(): Promise<void> {
    const current = job.value
    if (!current || current.state !== 'running') return
    stop()
    job.value = { ...current, state: 'cancelled' }
    try {
      await calls.cancel(current.id)
    } catch (e) {
      error.value = toAppError(e)
    }
  }

  /** Forgets the last job: its bar, its error and its result. */
  function clear(): void {
    stop()
    job.value = null
    error.value = null
    result.value = null
  }

  if (getCurrentScope()) onScopeDispose(stop)

  const running = computed(() => job.value?.state === 'running')
  const percent = computed(() => {
    const j = job.value
    if (!j) return 0
    if (j.state === 'done') return 100
    return j.total > 0 ? Math.round((j.done / j.total) * 100) : 0
  })
  return { job, error, result, running, percent, run, cancel, stop, clear }
}
