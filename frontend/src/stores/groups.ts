import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import * as api from '@/api/groups'
import type { Committee, Decision, DecisionInput, Group, GroupTerm } from '@/api/groups'
import { AppError, fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'
import { useMemberNamesStore } from './memberNames'
import { yearLoader } from './latest'

/** A group's fields and its term in the selected year, as the form edits them. */
export interface GroupInput {
  committee: string
  name: string
  name_en: string
  city: string
  lead_id: number
  lead_since: string
  report_date: string
  report_title: string
  report_link: string
}

interface FormState<T> {
  open: boolean
  values: T
  fieldErrors: Record<string, FieldError>
  error: AppError | null
  saving: boolean
}

function form<T>(values: T): FormState<T> {
  return { open: false, values, fieldErrors: {}, error: null, saving: false }
}

/** The decision kinds, and which of them name a level or a group. */
export const DECISION_KINDS = ['promotion', 'invitation', 'special_grant', 'correction'] as const
// a special grant gives Partner or ACE; Director is by invitation only
export const GRANT_LEVELS = ['partner', 'ace'] as const
export const CORRECTION_LEVELS = ['none', 'partner', 'ace', 'director'] as const

export function emptyGroupInput(committee = 'regional'): GroupInput {
  return { committee, name: '', name_en: '', city: '', lead_id: 0, lead_since: '', report_date: '', report_title: '', report_link: '' }
}

export function groupInputOf(g: Group, year: number): GroupInput {
  const t = g.terms?.find((x) => x.year === year)
  return {
    committee: g.committee, name: g.name, name_en: g.name_en ?? '', city: g.city, lead_id: t?.lead_id ?? 0, lead_since: t?.lead_since ?? '',
    report_date: t?.report_date ?? '', report_title: t?.report_title ?? '', report_link: t?.report_link ?? '',
  }
}

/** The group's terms with year's term replaced by the input's (dropped when it says nothing). */
export function termsWith(terms: readonly GroupTerm[], year: number, v: GroupInput): GroupTerm[] {
  const term = { year, lead_id: v.lead_id, lead_since: v.lead_since, report_date: v.report_date, report_title: v.report_title, report_link: v.report_link }
  const says = term.lead_id || term.lead_since || term.report_date || term.report_title || term.report_link
  const others = terms.filter((t) => t.year !== year)
  return (says ? [...others, term as GroupTerm] : others).sort((a, b) => a.year - b.year)
}

export function emptyDecisionInput(year: number): DecisionInput {
  return { kind: 'special_grant', member_id: 0, year, level: 'partner', group_id: 0, reason: '' }
}

export const useGroupsStore = defineStore('groups', () => {
  const committees = ref<Committee[]>([])
  const groups = ref<Group[]>([])
  const decisions = ref<Decision[]>([])
  const names = useMemberNamesStore()

  /** The committees that have groups, each with its groups by name. */
  const byCommittee = computed(() =>
    committees.value
      .map((c) => ({ committee: c, groups: groups.value.filter((g) => g.committee === c.key).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) }))
      .filter((x) => x.groups.length),
  )

  /** Loads the groups and the year's decisions, with the names they mention. */
  const { year, loading, error, shownYear, load } = yearLoader(
    (y) => Promise.all([committees.value.length ? committees.value : api.committees(), api.list(), api.decisions(y)]),
    async ([c, g, d]) => {
      committees.value = c
      groups.value = g
      decisions.value = d
      await names.ensure([...g.flatMap((x) => (x.terms ?? []).map((t) => t.lead_id)), ...d.map((x) => x.member_id)])
    },
  )

  /** The group's lead in the selected year (0: none). */
  function termOf(g: Group): GroupTerm | undefined {
    return g.terms?.find((t) => t.year === year.value)
  }

  // ---- group form ---------------------------------------------------------
  const groupForm = reactive({ ...form(emptyGroupInput()), group: null as Group | null })

  function openGroup(g: Group | null, committee?: string): void {
    Object.assign(groupForm, form(g ? groupInputOf(g, year.value) : emptyGroupInput(committee)), { open: true, group: g })
  }

  async function run<T, R>(f: FormState<T>, action: () => Promise<R>): Promise<R | null> {
    if (f.saving) return null
    f.saving = true
    f.error = null
    f.fieldErrors = {}
    try {
      const out = await action()
      f.open = false
      await load()
      return out
    } catch (e) {
      f.error = toAppError(e)
      f.fieldErrors = fieldErrorsOf(f.error)
      return null
    } finally {
      f.saving = false
    }
  }

  /** Saves the group form; on failure the form stays open with what was typed. */
  function saveGroup(): Promise<Group | null> {
    const g = groupForm.group
    const v = groupForm.values
    return run(groupForm, () =>
      api.save({ id: g?.id ?? 0, version: g?.version ?? 0, committee: v.committee, name: v.name, name_en: v.name_en, city: v.city, terms: termsWith(g?.terms ?? [], year.value, v) }),
    )
  }

  // ---- decisions ----------------------------------------------------------
  const decisionForm = reactive(form(emptyDecisionInput(year.value)))

  function openDecision(): void {
    Object.assign(decisionForm, form(emptyDecisionInput(year.value)), { open: true })
  }

  function saveDecision(): Promise<Decision | null> {
    return run(decisionForm, () => api.decide({ ...decisionForm.values, year: year.value }))
  }

  const withdrawForm = reactive({ ...form({ reason: '' }), decision: null as Decision | null })

  function openWithdraw(d: Decision): void {
    Object.assign(withdrawForm, form({ reason: '' }), { open: true, decision: d })
  }

  function withdraw(): Promise<Decision | null> {
    const d = withdrawForm.decision
    if (!d) return Promise.resolve(null)
    return run(withdrawForm, () => api.withdraw(d.id, d.version, withdrawForm.values.reason))
  }

  /** Closes the decision and withdraw dialogs. */
  function closeForms(): void {
    decisionForm.open = false
    withdrawForm.open = false
  }

  return {
    year, committees, groups, decisions, loading, error, shownYear, byCommittee, load, termOf,
    groupForm, openGroup, saveGroup, decisionForm, openDecision, saveDecision, withdrawForm, openWithdraw, withdraw, closeForms,
  }
})
