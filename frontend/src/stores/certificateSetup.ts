import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/certificates'
import type { CertificateSetupData } from '@/api/certificates'
import { toAppError, withoutField, type AppError } from '@/api/errors'

export const MAX_SIGNATORIES = 3
/** The server's bound on the seal and each signature image. */
export const MAX_IMAGE_BYTES = 2 << 20

function clone(s: CertificateSetupData): CertificateSetupData {
  return JSON.parse(JSON.stringify(s)) as CertificateSetupData
}

export const useCertificateSetupStore = defineStore('certificateSetup', () => {
  const draft = ref<CertificateSetupData | null>(null)
  /** The draft as last loaded or saved, to tell unsaved edits. */
  const pristine = ref('')
  const loading = ref(false)
  const saving = ref(false)
  const error = ref<AppError | null>(null)
  const fieldErrors = ref<Record<string, string>>({})

  function show(s: CertificateSetupData): void {
    draft.value = clone(s)
    pristine.value = JSON.stringify(draft.value)
    fieldErrors.value = {}
  }

  const dirty = computed(() => draft.value !== null && JSON.stringify(draft.value) !== pristine.value)

  /** Loads the setup, dropping unsaved edits. */
  async function load(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      show(await api.setup())
    } catch (e) {
      error.value = toAppError(e)
    } finally {
      loading.value = false
    }
  }

  /**
   * Saves the draft. On a refusal the draft stays as typed and the fields are
   * marked; when someone else saved first, the draft takes the newer version
   * so that saving again overwrites it.
   */
  async function save(): Promise<boolean> {
    const d = draft.value
    if (!d) return false
    error.value = null
    fieldErrors.value = {}
    saving.value = true
    try {
      show(await api.saveSetup(clone(d)))
      return true
    } catch (e) {
      const err = toAppError(e)
      error.value = err
      fieldErrors.value = err.fields ?? {}
      if (err.reason === 'stale') {
        try {
          const latest = await api.setup()
          if (draft.value) draft.value.version = latest.version
        } catch {
          /* keep the stale error */
        }
      }
      return false
    } finally {
      saving.value = false
    }
  }

  function addSignatory(): void {
    const d = draft.value
    if (!d || d.signatories.length >= MAX_SIGNATORIES) return
    d.signatories.push({ name: '', title_zh: '', title_en: '', signature_png: '' })
  }

  function removeSignatory(index: number): void {
    draft.value?.signatories.splice(index, 1)
    clearFieldError('signatories')
  }

  function clearFieldError(field: string): void {
    if (field in fieldErrors.value) fieldErrors.value = withoutField(fieldErrors.value, field)
  }

  return {
    draft, loading, saving, error, fieldErrors, dirty,
    load, save, addSignatory, removeSignatory, clearFieldError,
  }
})
