import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/exports'
import type { PushTarget } from '@/api/exports'
import { fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'
import * as jobs from '@/api/jobs'
import { useJob } from '@/composables/useJob'

/** Loading the chapter's tables straight into a PostgreSQL database. */
export const usePgPushStore = defineStore('pgpush', () => {
  const fieldErrors = ref<Record<string, FieldError>>({})
  const job = useJob({ ...jobs.jobCalls, result: api.pushResult })

  /** Loads, resolving once the load ends; a refusal to start shows as field errors or the error. */
  async function push(target: PushTarget): Promise<void> {
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
    /** What the finished load sent, table by table. */
    summary: job.result,
    fieldErrors,
    status: job.job,
    error: job.error,
    running: job.running,
    percent: job.percent,
    push,
    cancel: job.cancel,
  }
})
