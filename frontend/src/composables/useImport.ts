import { computed, reactive } from 'vue'
import type { ImportReport, Importer } from '@/api/imports'
import { AppError, toAppError } from '@/api/errors'
import { importable } from '@/imports'

/**
 * One import dialog's file: its dry run, then the import. prepare loads
 * what the rows need to show (labels, names) before the report appears.
 */
export function useImport(importer: Importer, prepare?: (r: ImportReport) => Promise<unknown>) {
  const state = reactive({
    fileName: '',
    bytes: null as Uint8Array | null,
    report: null as ImportReport | null,
    busy: false,
    error: null as AppError | null,
  })

  const canApply = computed(() => !!state.report && importable(state.report) && !state.busy)

  function reset(): void {
    Object.assign(state, { fileName: '', bytes: null, report: null, busy: false, error: null })
  }

  /** Reads the chosen file's dry run: every row's outcome, nothing written. */
  async function preview(fileName: string, bytes: Uint8Array): Promise<void> {
    Object.assign(state, { fileName, bytes, report: null, error: null, busy: true })
    // Only the latest file's answer counts: the user may choose another meanwhile.
    const latest = () => state.bytes === bytes
    try {
      const report = await importer.preview(fileName, bytes)
      await prepare?.(report)
      if (latest()) state.report = report
    } catch (e) {
      if (latest()) state.error = toAppError(e)
    } finally {
      if (latest()) state.busy = false
    }
  }

  /** Imports the previewed file; returns the report once written, else null with the error set. */
  async function apply(): Promise<ImportReport | null> {
    if (!state.bytes || !canApply.value) return null
    state.busy = true
    state.error = null
    try {
      const report = await importer.apply(state.fileName, state.bytes)
      state.report = report
      return report
    } catch (e) {
      state.error = toAppError(e)
      return null
    } finally {
      state.busy = false
    }
  }

  return { state, canApply, reset, preview, apply }
}
