import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/dashboard'
import type { Dashboard } from '@/api/dashboard'
import { yearLoader } from './latest'

export const useDashboardStore = defineStore('dashboard', () => {
  const data = ref<Dashboard | null>(null)
  /** Loads the year's dashboard; only the latest request's answer is applied. */
  const { year, loading, error, shownYear, load } = yearLoader(api.forYear, (d) => {
    data.value = d
  })

  /** Nobody on the roster yet: the page offers demo data instead of empty charts. */
  const emptyDatabase = computed(() => data.value !== null && data.value.members === 0)
  const yearPoints = computed(() => (data.value?.points_by_month ?? []).reduce((a, b) => a + b, 0))

  return { year, data, loading, error, shownYear, emptyDatabase, yearPoints, load }
})
