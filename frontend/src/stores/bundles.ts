import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/bundles'
import type { BundleFile, MergedChapter, MergeOutcome } from '@/api/bundles'
import type { FileData } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'
import { useJob } from './job'

export const useBundlesStore = defineStore('bundles', () => {
  /** The exported file, once handed over. */
  const exported = ref<FileData | null>(null)
  const jobCalls = { status: api.jobStatus, cancel: api.cancelJob }
  const exportJob = useJob(jobCalls, async (id) => {
    exported.value = await api.exportResult(id)
  })

  const outcomes = ref<MergeOutcome[]>([])
  /** The files of the last merge, to merge again after a key is confirmed. */
  const files = ref<BundleFile[]>([])
  const mergeJob = useJob(jobCalls, async (id) => {
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
