import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/standings'
import type { Level, StandingRow, YearRules } from '@/api/standings'
import { yearLoader } from './latest'

/** How many years the selector offers: this one and the previous ones. */
export const YEARS_OFFERED = 5

export interface Summary {
  ace: number
  partner: number
  director: number
  near: number
}

/** Counts each level, and the members near a threshold as the server marks them (the dashboard counts the same). */
export function summarize(rows: readonly StandingRow[]): Summary {
  const s: Summary = { ace: 0, partner: 0, director: 0, near: 0 }
  for (const r of rows) {
    if (r.level === 'ace' || r.level === 'partner' || r.level === 'director') s[r.level]++
    if (r.near) s.near++
  }
  return s
}

/** The years the selector offers, newest first. */
export function offeredYears(now: Date = new Date()): number[] {
  const y = now.getFullYear()
  return Array.from({ length: YEARS_OFFERED }, (_, i) => y - i)
}

/** The rows shown: all, one level, or those near a threshold. */
export type LevelFilter = 'all' | Level | 'near'
export const LEVEL_FILTERS: readonly LevelFilter[] = ['all', 'director', 'ace', 'partner', 'none', 'near']

export function isLevelFilter(v: unknown): v is LevelFilter {
  return typeof v === 'string' && (LEVEL_FILTERS as readonly string[]).includes(v)
}

/** The rows shown by the level held this year (the ledger's, as the dashboard counts): all, or one level. */
export type HeldFilter = 'all' | Exclude<Level, 'none'>
export const HELD_FILTERS: readonly HeldFilter[] = ['all', 'director', 'ace', 'partner']

export function isHeldFilter(v: unknown): v is HeldFilter {
  return typeof v === 'string' && (HELD_FILTERS as readonly string[]).includes(v)
}

export const useStandingsStore = defineStore('standings', () => {
  const rows = ref<StandingRow[]>([])
  const rules = ref<YearRules | null>(null)
  const text = ref('')
  const level = ref<LevelFilter>('all')
  const held = ref<HeldFilter>('all')
  /** Loads the year's standings and rules; only the latest request's answer is applied. */
  const { year, loading, error, shownYear, load } = yearLoader(
    (y) => Promise.all([api.forYear(y), api.rulesOf(y)]),
    ([r, table]) => {
      rows.value = r
      rules.value = table
    },
  )

  const summary = computed(() => summarize(rows.value))

  /** The rows after the search box (name or phone) and the level filter. */
  const filtered = computed(() => {
    const q = text.value.trim().toLowerCase()
    const digits = q.replace(/[\s-]/g, '')
    return rows.value.filter((r) => {
      if (level.value === 'near' ? !r.near : level.value !== 'all' && r.level !== level.value) return false
      if (held.value !== 'all' && r.held !== held.value) return false
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

  function setHeld(v: HeldFilter): void {
    held.value = v
  }

  return { year, rows, rules, loading, error, shownYear, text, level, held, summary, filtered, load, setText, setLevel, setHeld }
})
