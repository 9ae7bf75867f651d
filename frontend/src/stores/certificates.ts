import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/certificates'
import type { Certificate, FileData, JobStatus } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'

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

/** How often a running print job is asked for its progress. */
export const POLL_MS = 250

export const useCertificatesStore = defineStore('certificates', () => {
  const certificates = ref<Certificate[]>([])
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** Serials just issued, to highlight them. */
  const issued = ref<string[]>([])
  const issuing = ref(false)
  const selected = ref<string[]>([])

  const job = ref<JobStatus | null>(null)
  const jobError = ref<AppError | null>(null)
  /** The finished job's file, once fetched. */
  const result = ref<FileData | null>(null)
  let timer: ReturnType<typeof setTimeout> | null = null
  let polling = 0

  const printing = computed(() => job.value?.state === 'running')

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

  function stopPolling(): void {
    polling++
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  async function poll(id: string, gen: number): Promise<void> {
    timer = null
    let s: JobStatus
    try {
      s = await api.jobStatus(id)
    } catch (e) {
      if (gen !== polling) return
      jobError.value = toAppError(e)
      if (job.value) job.value = { ...job.value, state: 'failed' }
      return
    }
    if (gen !== polling) return
    job.value = s
    if (s.state === 'running') {
      timer = setTimeout(() => void poll(id, gen), POLL_MS)
      return
    }
    if (s.state === 'failed') {
      jobError.value = toAppError(s.error ?? { code: 'internal', message: 'job failed' })
      return
    }
    if (s.state === 'done') {
      try {
        const f = await api.jobResult(id)
        if (gen === polling) result.value = f
      } catch (e) {
        if (gen === polling) jobError.value = toAppError(e)
      }
    }
  }

  /**
   * Prints the selected certificates in the background and polls the job
   * until it ends; result holds the file when done. Rejects with the
   * AppError when the job cannot start.
   */
  async function print(serials: string[], split: boolean): Promise<void> {
    stopPolling()
    jobError.value = null
    result.value = null
    const id = await api.print(serials, split)
    const gen = polling
    job.value = { id, state: 'running', done: 0, total: serials.length, file: '' }
    await poll(id, gen)
  }

  async function cancel(): Promise<void> {
    const id = job.value?.id
    if (!id) return
    stopPolling()
    await api.cancelJob(id)
    job.value = { ...job.value!, state: 'cancelled' }
  }

  function clearJob(): void {
    stopPolling()
    job.value = null
    jobError.value = null
    result.value = null
  }

  return {
    certificates, loading, error, issued, issuing, selected, job, jobError, result, printing,
    load, issue, revoke, print, cancel, stopPolling, clearJob,
  }
})
