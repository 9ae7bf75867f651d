import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/levels'
import type { Batch, Renewal } from '@/api/levels'
import { AppError, toAppError } from '@/api/errors'

/** The renewal outcomes, in the order the page counts them. */
export const OUTCOMES = ['keep', 'rise', 'down', 'lapse'] as const

export const useLevelsStore = defineStore('levels', () => {
  const year = ref(new Date().getFullYear())
  const batches = ref<Batch[]>([])
  const renewal = ref<Renewal | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  const shownYear = ref<number | null>(null)
  /** The batch id being published, or "renewal" while confirming. */
  const busy = ref('')

  let latest = 0

  async function load(y: number = year.value): Promise<void> {
    year.value = y
    const seq = ++latest
    loading.value = true
    try {
      const [b, r] = await Promise.all([api.batches(y), api.renewal(y)])
      if (seq !== latest) return
      batches.value = b
      renewal.value = r
      shownYear.value = y
      error.value = null
    } catch (e) {
      if (seq === latest) error.value = toAppError(e)
    } finally {
      if (seq === latest) loading.value = false
    }
  }

  async function act<T>(what: string, action: () => Promise<T>): Promise<T> {
    busy.value = what
    try {
      const out = await action()
      await load()
      return out
    } finally {
      busy.value = ''
    }
  }

  /** Publishes a batch; rejects with the AppError when refused. */
  function publish(id: string): Promise<Batch> {
    return act(id, () => api.publish(id))
  }

  /** Confirms the shown year's renewal; rejects with the AppError when refused. */
  function confirmRenewal(): Promise<Renewal> {
    return act('renewal', () => api.confirmRenewal(year.value))
  }

  return { year, batches, renewal, loading, error, shownYear, busy, load, publish, confirmRenewal }
})
