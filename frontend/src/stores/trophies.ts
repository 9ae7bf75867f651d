import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as levelsApi from '@/api/levels'
import type { Batch } from '@/api/levels'
import * as api from '@/api/trophies'
import { TROPHY_STATUSES, type Trophy, type TrophyStatus } from '@/api/trophies'
import { AppError, toAppError } from '@/api/errors'
import { latestGate } from './latest'

export const useTrophiesStore = defineStore('trophies', () => {
  const year = ref(new Date().getFullYear())
  /** The year's published batches. */
  const batches = ref<Batch[]>([])
  const batchId = ref('')
  const trophies = ref<Trophy[]>([])
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** Member ids whose status is being saved. */
  const saving = ref<number[]>([])
  /**
   * Member ids whose chosen status could not be saved (changed elsewhere):
   * the row keeps the choice so the user sees what they meant.
   */
  const unsaved = ref<number[]>([])
  const gate = latestGate()

  const counts = computed(() => {
    const out = Object.fromEntries(TROPHY_STATUSES.map((s) => [s, 0])) as Record<TrophyStatus, number>
    for (const t of trophies.value) if (t.status in out) out[t.status as TrophyStatus]++
    return out
  })

  /**
   * Loads year's published batches and shows the latest; with fallback,
   * a year without any falls back to the year before (early in a year the
   * last published batch is last year's Q4).
   */
  async function loadYear(y: number, fallback = false): Promise<void> {
    const latest = gate.next()
    loading.value = true
    try {
      let list = (await levelsApi.batches(y)).filter((b) => b.published)
      if (fallback && list.length === 0) {
        y -= 1
        list = (await levelsApi.batches(y)).filter((b) => b.published)
      }
      if (!latest()) return
      year.value = y
      batches.value = list
      error.value = null
      const id = list.length ? list[list.length - 1].id : ''
      await showBatch(id, latest)
    } catch (e) {
      if (latest()) error.value = toAppError(e)
    } finally {
      if (latest()) loading.value = false
    }
  }

  async function showBatch(id: string, latest = gate.next()): Promise<void> {
    batchId.value = id
    unsaved.value = []
    if (!id) {
      trophies.value = []
      return
    }
    loading.value = true
    try {
      const list = await api.forBatch(id)
      if (!latest()) return
      trophies.value = list
      error.value = null
    } catch (e) {
      if (latest()) error.value = toAppError(e)
    } finally {
      if (latest()) loading.value = false
    }
  }

  function reload(): Promise<void> {
    return showBatch(batchId.value)
  }

  /**
   * Saves a trophy's new status with the version it was read at. On any
   * refusal the row keeps the chosen status, is marked unsaved, and the
   * AppError is thrown for the page to show.
   */
  async function setStatus(memberId: number, status: TrophyStatus): Promise<Trophy> {
    const i = trophies.value.findIndex((t) => t.member_id === memberId)
    if (i < 0) throw new AppError({ code: 'not_found', message: `no trophy for member ${memberId}` })
    const row = trophies.value[i]
    trophies.value[i] = { ...row, status } as Trophy
    saving.value = [...saving.value, memberId]
    try {
      const saved = await api.update({ ...row, status } as Trophy)
      const j = trophies.value.findIndex((t) => t.member_id === memberId)
      if (j >= 0) trophies.value[j] = saved
      unsaved.value = unsaved.value.filter((id) => id !== memberId)
      return saved
    } catch (e) {
      if (!unsaved.value.includes(memberId)) unsaved.value = [...unsaved.value, memberId]
      throw toAppError(e)
    } finally {
      saving.value = saving.value.filter((id) => id !== memberId)
    }
  }

  return { year, batches, batchId, trophies, loading, error, saving, unsaved, counts, loadYear, showBatch, reload, setStatus }
})
