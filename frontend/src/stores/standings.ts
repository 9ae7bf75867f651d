import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/standings'
import type { Level, StandingRow, YearRules } from '@/api/standings'
import { yearLoader } from './latest'

/** Near a threshold: short of a higher level by at most this share of its threshold (as the dashboard). */
export const NEAR_SHARE = 0.2
/** How many years the selector offers: this one and the previous ones. */
export const YEARS_OFFERED = 5

export interface Summary {
  ace: number
  partner: number
  director: number
  near: number
}

const RANK: Record<string, number> = { none: 0, partner: 1, ace: 2, director: 3 }

/** Whether a row is near a level above the one it has, under the year's thresholds. */
export function isNear(r: StandingRow, rules: Pick<YearRules, 'ace_threshold' | 'partner_threshold'>): boolean {
  if (!r.next || r.to_next <= 0 || RANK[r.next] <= RANK[r.level]) return false
  const threshold = r.next === 'ace' ? rules.ace_threshold : rules.partner_threshold
  return r.to_next <= threshold * NEAR_SHARE
}

export function summarize(rows: readonly StandingRow[], rules: Pick<YearRules, 'ace_threshold' | 'partner_threshold'> | null): Summary {
  const s: Summary = { ace: 0, partner: 0, director: 0, near: 0 }
  for (const r of rows) {
    if (r.level === 'ace' || r.level === 'partner' || r.level === 'director') s[r.level]++
    if (rules && isNear(r, rules)) s.near++
  }
  return s
}

/** The years the selector offers, newest first. */
export function offeredYears(now: Date = new Date()): number[] {
  const y = now.getFullYear()
  return Array.from({ length: YEARS_OFFERED }, (_, i) => y - i)
}

export type LevelFilter = 'all' | Level

export const useStandingsStore = defineStore('standings', () => {
  const rows = ref<StandingRow[]>([])
  const rules = ref<YearRules | null>(null)
  const text = ref('')
  const level = ref<LevelFilter>('all')
  /** Loads the year's standings and rules; only the latest request's answer is applied. */
  const { year, loading, error, shownYear, load } = yearLoader(
    (y) => Promise.all([api.forYear(y), api.rulesOf(y)]),
    ([r, table]) => {
      rows.value = r
      rules.value = table
    },
  )

  const summary = computed(() => summarize(rows.value, rules.value))

  /** The rows after the search box (name or phone) and the level filter. */
  const filtered = computed(() => {
    const q = text.value.trim().toLowerCase()
    const digits = q.replace(/[\s-]/g, '')
    return rows.value.filter((r) => {
      if (level.value !== 'all' && r.level !== level.value) return false
      if (!q) return true
      return r.name.toLowerCase().includes(q) || (!!digits && r.phone.replace(/[\s-]/g, '').includes(digits))
    })
  })

  function setText(v: string): void {
    text.value = v
  }

  function setLevel(v: LevelFilter): void {
    level.value = v
  }

  return { year, rows, rules, loading, error, shownYear, text, level, summary, filtered, load, setText, setLevel }
})
