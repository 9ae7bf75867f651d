import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/exports'
import type { PushSummary, PushTarget } from '@/api/exports'
import { fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'
import { useJob } from './job'

/** Loading the chapter's tables straight into a PostgreSQL database. */
export const usePgPushStore = defineStore('pgpush', () => {
  const summary = ref<PushSummary | null>(null)
  const fieldErrors = ref<Record<string, FieldError>>({})
  const job = useJob({ status: api.jobStatus, cancel: api.cancelJob }, async (id) => {
    summary.value = await api.pushResult(id)
  })

  /** Starts a load; a refusal to start shows as field errors or the error. */
  async function push(target: PushTarget): Promise<void> {
    summary.value = null
    fieldErrors.value = {}
    try {
      await job.run(() => api.startPush(target))
    } catch (e) {
      const err = toAppError(e)
      fieldErrors.value = fieldErrorsOf(err)
      if (Object.keys(fieldErrors.value).length === 0) job.error.value = err
    }
  }

  return {
    summary,
    fieldErrors,
    status: job.job,
    error: job.error,
    running: job.running,
    percent: job.percent,
    push,
    cancel: job.cancel,
  }
})
