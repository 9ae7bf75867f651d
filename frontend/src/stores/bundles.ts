import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/bundles'
import type { BundleFile, MergedChapter, MergeOutcome } from '@/api/bundles'
import type { FileData, JobStatus } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'
import { POLL_MS } from './certificates'

/**
 * One background job at a time of one kind: started, polled until it
 * ends, cancelled. finish runs once when it is done.
 */
function useJob(finish: (id: string) => Promise<void>) {
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
      s = await api.jobStatus(id)
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

  /** Starts a job; rejects with the AppError when it cannot start. */
  async function run(start: () => Promise<string>): Promise<void> {
    stop()
    error.value = null
    const id = await start()
    const gen = generation
    job.value = { id, state: 'running', done: 0, total: 0, file: '' }
    await poll(id, gen)
  }

  async function cancel(): Promise<void> {
    const current = job.value
    if (!current || current.state !== 'running') return
    stop()
    await api.cancelJob(current.id)
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

export const useBundlesStore = defineStore('bundles', () => {
  /** The exported file, once handed over. */
  const exported = ref<FileData | null>(null)
  const exportJob = useJob(async (id) => {
    exported.value = await api.exportResult(id)
  })

  const outcomes = ref<MergeOutcome[]>([])
  /** The files of the last merge, to merge again after a key is confirmed. */
  const files = ref<BundleFile[]>([])
  const mergeJob = useJob(async (id) => {
    outcomes.value = await api.mergeOutcomes(id)
    await loadChapters()
  })

  const chapters = ref<MergedChapter[]>([])
  const chaptersError = ref<AppError | null>(null)

  async function loadChapters(): Promise<void> {
    try {
      chapters.value = await api.mergedChapters()
      chaptersError.value = null
    } catch (e) {
      chaptersError.value = toAppError(e)
    }
  }

  async function startExport(changes: boolean): Promise<void> {
    exported.value = null
    await exportJob.run(() => api.startExport(changes))
  }

  async function startMerge(picked: BundleFile[], acceptKeys: string[] = []): Promise<void> {
    outcomes.value = []
    files.value = picked
    await mergeJob.run(() => api.startMerge(picked, acceptKeys))
  }

  /** Merges again the bundles of chapter, trusting their new key. */
  async function acceptKey(chapter: string, fileName: string): Promise<void> {
    const again = files.value.filter((f) => f.name === fileName)
    await startMerge(again, [chapter])
  }

  const conflictCount = computed(() => outcomes.value.reduce((n, o) => n + (o.result?.conflicts?.length ?? 0), 0))

  async function conflictsFile(): Promise<FileData | null> {
    const id = mergeJob.job.value?.id
    return id ? api.conflictsFile(id) : null
  }

  function stop(): void {
    exportJob.stop()
    mergeJob.stop()
  }

  return {
    exported,
    exportStatus: exportJob.job,
    exportError: exportJob.error,
    exportRunning: exportJob.running,
    exportPercent: exportJob.percent,
    cancelExport: exportJob.cancel,
    outcomes,
    files,
    mergeStatus: mergeJob.job,
    mergeError: mergeJob.error,
    merging: mergeJob.running,
    mergePercent: mergeJob.percent,
    cancelMerge: mergeJob.cancel,
    chapters,
    chaptersError,
    conflictCount,
    loadChapters,
    startExport,
    startMerge,
    acceptKey,
    conflictsFile,
    stop,
  }
})
