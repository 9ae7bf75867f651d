import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/exports'
import type { ExportFormat } from '@/api/exports'
import type { FileData, JobStatus } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'
import { POLL_MS } from '@/stores/job'

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export const useExportsStore = defineStore('exports', () => {
  const job = ref<JobStatus | null>(null)
  const error = ref<AppError | null>(null)
  /** Counts runs, so a cancelled run's late answers are ignored. */
  let run = 0

  const running = computed(() => job.value?.state === 'running')
  const percent = computed(() => {
    const j = job.value
    return j && j.total > 0 ? Math.round((100 * j.done) / j.total) : 0
  })

  /**
   * Exports in the background and resolves with the file once the job is
   * done; null when it was cancelled or failed (error says why).
   */
  async function exportFile(format: ExportFormat, year: number): Promise<FileData | null> {
    const mine = ++run
    error.value = null
    try {
      const id = await api.start(format, year)
      job.value = { id, state: 'running', done: 0, total: 0, file: '' }
      for (;;) {
        const s = await api.jobStatus(id)
        if (mine !== run) return null
        job.value = s
        if (s.state === 'done') return await api.jobResult(id)
        if (s.state === 'failed') throw s.error ?? { code: 'internal', message: 'export failed' }
        if (s.state === 'cancelled') return null
        await wait(POLL_MS)
        if (mine !== run) return null
      }
    } catch (e) {
      if (mine === run) error.value = toAppError(e)
      return null
    }
  }

  async function cancel(): Promise<void> {
    const id = job.value?.id
    if (!id || !running.value) return
    run++
    job.value = { ...job.value!, state: 'cancelled' }
    await api.cancelJob(id)
  }

  return { job, error, running, percent, exportFile, cancel }
})
