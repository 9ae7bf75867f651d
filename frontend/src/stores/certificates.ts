import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/certificates'
import type { Certificate } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'
import * as jobs from '@/api/jobs'
import { useJob } from '@/composables/useJob'

/** What certificates are issued for. */
export type IssueSource =
  | { kind: 'batch'; batch: string }
  | { kind: 'renewal'; year: number }
  | { kind: 'leads'; year: number }
  | { kind: 'event'; event: number }

export const SOURCE_KINDS = ['batch', 'renewal', 'leads', 'event'] as const

function issueFrom(s: IssueSource): Promise<Certificate[]> {
  switch (s.kind) {
    case 'batch':
      return api.forBatch(s.batch)
    case 'renewal':
      return api.forRenewal(s.year)
    case 'leads':
      return api.forLeads(s.year)
    case 'event':
      return api.forEvent(s.event)
  }
}

export const useCertificatesStore = defineStore('certificates', () => {
  const certificates = ref<Certificate[]>([])
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** Serials just issued, to highlight them. */
  const issued = ref<string[]>([])
  const issuing = ref(false)
  const selected = ref<string[]>([])

  const printJob = useJob({ ...jobs.jobCalls, result: jobs.result })

  async function load(): Promise<void> {
    loading.value = true
    try {
      certificates.value = await api.list()
      error.value = null
    } catch (e) {
      error.value = toAppError(e)
    } finally {
      loading.value = false
    }
  }

  /**
   * Issues the certificates of a source and selects them for printing;
   * rejects with the AppError when refused.
   */
  async function issue(source: IssueSource): Promise<Certificate[]> {
    issuing.value = true
    try {
      const out = await issueFrom(source)
      issued.value = out.map((c) => c.serial)
      selected.value = out.filter((c) => !c.revoked).map((c) => c.serial)
      await load()
      return out
    } finally {
      issuing.value = false
    }
  }

  async function revoke(serial: string, reason: string): Promise<Certificate> {
    const c = await api.revoke(serial, reason)
    const i = certificates.value.findIndex((x) => x.serial === serial)
    if (i >= 0) certificates.value[i] = c
    return c
  }

  /**
   * Prints the selected certificates in the background and resolves once
   * the job ends; result holds the file when done. Rejects with the
   * AppError when the job cannot start.
   */
  async function print(serials: string[], split: boolean): Promise<void> {
    await printJob.run(() => api.print(serials, split), serials.length)
  }

  return {
    certificates, loading, error, issued, issuing, selected,
    job: printJob.job, jobError: printJob.error, result: printJob.result, printing: printJob.running, percent: printJob.percent,
    load, issue, revoke, print, cancel: printJob.cancel, stopPolling: printJob.stop, clearJob: printJob.clear,
  }
})
