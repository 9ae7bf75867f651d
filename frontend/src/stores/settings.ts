import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/settings'
import type { Settings } from '@/api/settings'
import { AppError, fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'
import { applyLanguage, isLanguage, type Language } from '@/i18n'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings | null>(null)
  const loading = ref(false)
  const saving = ref(false)
  const error = ref<AppError | null>(null)
  const fieldErrors = ref<Record<string, FieldError>>({})

  /** Reads the saved settings and applies their language. */
  async function load(): Promise<void> {
    loading.value = true
    try {
      const s = await api.get()
      settings.value = s
      error.value = null
      if (isLanguage(s.language)) applyLanguage(s.language)
    } catch (e) {
      error.value = toAppError(e)
    } finally {
      loading.value = false
    }
  }

  /** Saves and applies at once. Returns the saved settings, or null on failure. */
  async function save(input: { language: Language; operator: string }): Promise<Settings | null> {
    saving.value = true
    error.value = null
    fieldErrors.value = {}
    try {
      const s = await api.save({ ...input, version: settings.value?.version ?? 0 })
      settings.value = s
      if (isLanguage(s.language)) applyLanguage(s.language)
      return s
    } catch (e) {
      const err = toAppError(e)
      error.value = err
      fieldErrors.value = fieldErrorsOf(err)
      return null
    } finally {
      saving.value = false
    }
  }

  return { settings, loading, saving, error, fieldErrors, load, save }
})
