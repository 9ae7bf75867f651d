import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/bundles'
import type { BundleFile, MergedChapter, MergeOutcome } from '@/api/bundles'
import type { FileData } from '@/api/certificates'
import { AppError, toAppError } from '@/api/errors'
import * as jobs from '@/api/jobs'
import { useJob } from '@/composables/useJob'

export const useBundlesStore = defineStore('bundles', () => {
  const exportJob = useJob({ ...jobs.jobCalls, result: api.exportResult })

  /** The files of the last merge, to merge again after a key is confirmed. */
  const files = ref<BundleFile[]>([])
  const mergeJob = useJob({ ...jobs.jobCalls, result: api.mergeOutcomes })
  const outcomes = computed<MergeOutcome[]>(() => mergeJob.result.value ?? [])

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

  /** Exports a bundle, resolving once the job ends; exported holds the file. */
  async function startExport(changes: boolean): Promise<void> {
    await exportJob.run(() => api.startExport(changes))
  }

  /** Merges, resolving once the job ends: outcomes says what each file did, chapters are reloaded. */
  async function startMerge(picked: BundleFile[], acceptKeys: string[] = []): Promise<void> {
    files.value = picked
    const out = await mergeJob.run(() => api.startMerge(picked, acceptKeys))
    if (out !== null) await loadChapters()
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
    /** The exported file, once handed over. */
    exported: exportJob.result,
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
