import { defineStore } from 'pinia'
import * as api from '@/api/exports'
import type { ExportFormat } from '@/api/exports'
import type { FileData } from '@/api/certificates'
import { toAppError } from '@/api/errors'
import * as jobs from '@/api/jobs'
import { useJob } from '@/composables/useJob'

export const useExportsStore = defineStore('exports', () => {
  const job = useJob({ ...jobs.jobCalls, result: jobs.result })

  /**
   * Exports in the background and resolves with the file once the job is
   * done; null when it was cancelled or failed, or could not start (error
   * says why).
   */
  async function exportFile(format: ExportFormat, year: number): Promise<FileData | null> {
    try {
      return await job.run(() => api.start(format, year))
    } catch (e) {
      job.error.value = toAppError(e)
      return null
    }
  }

  return { job: job.job, error: job.error, running: job.running, percent: job.percent, exportFile, cancel: job.cancel }
})
