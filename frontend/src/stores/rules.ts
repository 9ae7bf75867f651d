import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/rules'
import type { YearRules } from '@/api/rules'
import { toAppError, withoutField } from '@/api/errors'
import { yearLoader } from './latest'

/** One row of the rules editor; numbers are null while their box is empty. */
export interface KindDraft {
  key: string
  label_zh: string
  label_en: string
  points: number | null
  unit: number | null
  /** Kinds that came from the server keep their key: contributions refer to it. */
  fixedKey: boolean
}

export interface RulesDraft {
  year: number
  kinds: KindDraft[]
  ace_threshold: number | null
  partner_threshold: number | null
}

function toDraft(r: YearRules): RulesDraft {
  return {
    year: r.year,
    kinds: (r.kinds ?? []).map((k) => ({ ...k, fixedKey: true })),
    ace_threshold: r.ace_threshold,
    partner_threshold: r.partner_threshold,
  }
}

/** Boxes left empty, as the server names fields ("kinds.2.points"). */
export function emptyFields(d: RulesDraft): Record<string, string> {
  const out: Record<string, string> = {}
  d.kinds.forEach((k, i) => {
    if (k.points === null) out[`kinds.${i}.points`] = 'required'
    if (k.unit === null) out[`kinds.${i}.unit`] = 'required'
  })
  if (d.ace_threshold === null) out.ace_threshold = 'required'
  if (d.partner_threshold === null) out.partner_threshold = 'required'
  return out
}

function toTable(d: RulesDraft): YearRules {
  return {
    year: d.year,
    kinds: d.kinds.map(({ key, label_zh, label_en, points, unit }) => ({ key, label_zh, label_en, points: points ?? 0, unit: unit ?? 0 })),
    ace_threshold: d.ace_threshold ?? 0,
    partner_threshold: d.partner_threshold ?? 0,
  } as YearRules
}

export const useRulesStore = defineStore('rules', () => {
  const draft = ref<RulesDraft | null>(null)
  /** The draft as last loaded or saved, to tell unsaved edits. */
  const pristine = ref('')
  /** Where the year's table comes from: the year itself when saved, an earlier year, or 0 (built-in). */
  const origin = ref<number | null>(null)
  const saving = ref(false)
  const copying = ref(false)
  const fieldErrors = ref<Record<string, string>>({})

  function show(r: YearRules, from: number): void {
    draft.value = toDraft(r)
    pristine.value = JSON.stringify(draft.value)
    origin.value = from
    fieldErrors.value = {}
  }

  /** Loads a year's table and where it comes from, dropping unsaved edits. */
  const { year, loading, error, load } = yearLoader(
    (y) => Promise.all([api.get(y), api.origin(y)]),
    ([r, from]) => show(r, from),
  )

  const dirty = computed(() => draft.value !== null && JSON.stringify(draft.value) !== pristine.value)

  /** Saves the draft. On a refusal the draft stays as typed and the fields are marked. */
  async function save(): Promise<boolean> {
    const d = draft.value
    if (!d) return false
    error.value = null
    fieldErrors.value = emptyFields(d)
    if (Object.keys(fieldErrors.value).length) return false
    saving.value = true
    try {
      const saved = await api.save(toTable(d))
      show(saved, saved.year)
      return true
    } catch (e) {
      const err = toAppError(e)
      error.value = err
      fieldErrors.value = err.fields ?? {}
      return false
    } finally {
      saving.value = false
    }
  }

  /** Saves the shown year's table as next year's, then shows next year. */
  async function copyToNextYear(): Promise<boolean> {
    copying.value = true
    error.value = null
    try {
      const r = await api.copyToNextYear(year.value)
      await load(r.year)
      return true
    } catch (e) {
      error.value = toAppError(e)
      return false
    } finally {
      copying.value = false
    }
  }

  function addKind(): void {
    draft.value?.kinds.push({ key: '', label_zh: '', label_en: '', points: 0, unit: 1, fixedKey: false })
  }

  /** Removes a kind added in this session (saved kinds stay: contributions use them). */
  function removeKind(index: number): void {
    const d = draft.value
    if (!d || d.kinds[index]?.fixedKey) return
    d.kinds.splice(index, 1)
    fieldErrors.value = {}
  }

  function clearFieldError(field: string): void {
    if (field in fieldErrors.value) fieldErrors.value = withoutField(fieldErrors.value, field)
  }

  return {
    year, draft, origin, loading, saving, copying, error, fieldErrors, dirty,
    load, save, copyToNextYear, addKind, removeKind, clearFieldError,
  }
})
