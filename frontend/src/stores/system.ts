import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/system'
import type { SystemInfo } from '@/api/system'
import { AppError, toAppError } from '@/api/errors'

export const useSystemStore = defineStore('system', () => {
  const info = ref<SystemInfo | null>(null)
  const error = ref<AppError | null>(null)
  const loadingDemo = ref(false)

  async function load(): Promise<void> {
    try {
      info.value = await api.info()
      error.value = null
    } catch (e) {
      error.value = toAppError(e)
    }
  }

  /** Loads the default demo data set; returns how many members were added. */
  async function loadDemo(): Promise<number> {
    loadingDemo.value = true
    try {
      const n = await api.loadDemo(0)
      await load()
      return n
    } finally {
      loadingDemo.value = false
    }
  }

  return { info, error, loadingDemo, load, loadDemo }
})
