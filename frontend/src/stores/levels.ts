import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/levels'
import type { Batch, Renewal } from '@/api/levels'
import { yearLoader } from './latest'

/** The renewal outcomes, in the order the page counts them. */
export const OUTCOMES = ['keep', 'rise', 'down', 'lapse', 'new'] as const

export const useLevelsStore = defineStore('levels', () => {
  const batches = ref<Batch[]>([])
  const renewal = ref<Renewal | null>(null)
  /** The batch id being published, or "renewal" while confirming. */
  const busy = ref('')
  const { year, loading, error, shownYear, load } = yearLoader(
    (y) => Promise.all([api.batches(y), api.renewal(y)]),
    ([b, r]) => {
      batches.value = b
      renewal.value = r
    },
  )

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
