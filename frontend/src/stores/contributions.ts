import { defineStore } from 'pinia'
import { computed, reactive, ref, watch } from 'vue'
import * as api from '@/api/contributions'
import type { AuditEntry, Contribution, ContributionInput, ContributionRow, Status } from '@/api/contributions'
import { search as searchMembers, type Member } from '@/api/members'
import { rulesOf, type YearRules } from '@/api/standings'
import { AppError, fieldErrorsOf, toAppError, withoutField, type FieldError } from '@/api/errors'
import { latestGate } from './latest'
import { useMemberNamesStore } from './memberNames'
import { useDebouncedSearch } from '@/composables/useDebouncedSearch'

/** How many members the entry form's member search offers. */
export const MEMBER_OPTIONS = 8
/** The kind whose quantity is a number of PG 豆 rather than 1. */
export const BEANS_KIND = 'forum_beans'

export type StatusFilter = 'all' | Status

/** The member chosen in the entry form, as the search found them. */
export type MemberChoice = Pick<Member, 'id' | 'name' | 'phone' | 'city' | 'organization'>

/** What the entry form holds; never cleared by a failed save. */
export interface EntryValues {
  member: MemberChoice | null
  kind: string
  date: string
  quantity: number
  title: string
  evidence: string
  overrideOn: boolean
  override: number | null
  override_reason: string
}

/** The local calendar date as the program keeps dates: 2026-03-05. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4)) || new Date().getFullYear()
}

export function emptyEntry(date: string = today()): EntryValues {
  return { member: null, kind: '', date, quantity: 1, title: '', evidence: '', overrideOn: false, override: null, override_reason: '' }
}

/** After a save the next entry keeps the date and kind: a lead types a batch of one event's talks. */
export function nextEntry(v: EntryValues): EntryValues {
  return { ...emptyEntry(v.date), kind: v.kind }
}

/** What the form sends; quantity counts only for PG 豆, the override only when switched on. */
export function inputOf(v: EntryValues): ContributionInput {
  return {
    member_id: v.member?.id ?? 0,
    kind: v.kind,
    date: v.date,
    quantity: v.kind === BEANS_KIND ? v.quantity : 1,
    title: v.title,
    evidence: v.evidence,
    override: v.overrideOn ? v.override ?? 0 : null,
    override_reason: v.overrideOn ? v.override_reason : '',
  }
}

/** What the editor holds for a recorded contribution. */
export function entryOf(r: ContributionRow): EntryValues {
  return {
    member: { id: r.member_id, name: r.member_name, phone: r.member_phone, city: '', organization: '' },
    kind: r.kind,
    date: r.date,
    quantity: r.quantity,
    title: r.title,
    evidence: r.evidence,
    overrideOn: r.override !== undefined && r.override !== null,
    override: r.override ?? null,
    override_reason: r.override_reason,
  }
}

/** Whether the form holds enough for the rules to price it. */
export function priceable(v: EntryValues): boolean {
  return v.member !== null && v.kind !== '' && v.date !== ''
}

export const useContributionsStore = defineStore('contributions', () => {
  // ---- list -------------------------------------------------------------
  const year = ref(new Date().getFullYear())
  const status = ref<StatusFilter>('all')
  /** IDs of the rows ticked for a bulk approval. */
  const selected = ref<number[]>([])
  const list = useDebouncedSearch({
    query: (base) => ({ ...base, year: year.value, status: status.value === 'all' ? ('' as const) : status.value }),
    fetch: api.list,
    // A ticked row the answer no longer lists is no longer ticked.
    shown: (answer) => {
      selected.value = selected.value.filter((id) => answer.items.some((r) => r.id === id))
    },
  })
  const items = list.items
  /** The year whose answer is shown. */
  const shownYear = computed(() => list.shown.value?.year ?? null)
  const load = list.run

  const selectedPending = computed(() =>
    items.value.filter((r) => r.status === 'pending' && selected.value.includes(r.id)),
  )

  function setYear(y: number): Promise<void> {
    year.value = y
    return list.refilter()
  }

  function setStatus(s: StatusFilter): Promise<void> {
    status.value = s
    return list.refilter()
  }

  /** Approves or rejects one row; the list reloads either way (it may have changed). */
  async function review(row: ContributionRow, to: 'approved' | 'rejected'): Promise<void> {
    try {
      await (to === 'approved' ? api.approve(row.id, row.version) : api.reject(row.id, row.version))
    } finally {
      void load()
    }
  }

  /** Approves every ticked pending row, one by one; returns how many passed and the failures. */
  async function approveSelected(): Promise<{ approved: number; failed: AppError[] }> {
    const rows = selectedPending.value
    const failed: AppError[] = []
    for (const r of rows) {
      try {
        await api.approve(r.id, r.version)
      } catch (e) {
        failed.push(toAppError(e))
      }
    }
    selected.value = []
    await load()
    return { approved: rows.length - failed.length, failed }
  }

  // ---- rules ------------------------------------------------------------
  const rulesByYear = reactive<Record<number, YearRules>>({})

  async function loadRules(y: number): Promise<YearRules | null> {
    if (!rulesByYear[y]) {
      try {
        rulesByYear[y] = await rulesOf(y)
      } catch {
        // Kinds then show by key; saving still checks them.
        return null
      }
    }
    return rulesByYear[y]
  }

  // ---- fast entry -------------------------------------------------------
  const entry = reactive({
    open: false,
    values: emptyEntry(),
    fieldErrors: {} as Record<string, FieldError>,
    error: null as AppError | null,
    saving: false,
    /** The points the form's contribution would earn; null until it can be priced. */
    points: null as number | null,
    pointsError: null as AppError | null,
    /** Bumped after each save so the form can put the cursor back on the member search. */
    saved: 0,
  })
  const memberOptions = ref<MemberChoice[]>([])
  const memberSearching = ref(false)
  const memberGate = latestGate()
  const pointsGate = latestGate()

  const entryRules = computed<YearRules | null>(() => rulesByYear[yearOf(entry.values.date)] ?? null)

  function openEntry(): void {
    entry.open = true
    void loadRules(yearOf(entry.values.date))
  }

  function closeEntry(): void {
    entry.open = false
  }

  async function findMembers(q: string): Promise<void> {
    const isLatest = memberGate.next()
    memberSearching.value = true
    try {
      const page = await searchMembers({ text: q.trim(), archived: false, offset: 0, limit: MEMBER_OPTIONS })
      if (isLatest()) memberOptions.value = page.items
    } catch {
      if (isLatest()) memberOptions.value = []
    } finally {
      if (isLatest()) memberSearching.value = false
    }
  }

  /** Prices what the form holds with ContributionService.Points. */
  async function refreshPoints(): Promise<void> {
    const isLatest = pointsGate.next()
    if (!priceable(entry.values)) {
      entry.points = null
      entry.pointsError = null
      return
    }
    try {
      const p = await api.points(inputOf(entry.values))
      if (!isLatest()) return
      entry.points = p
      entry.pointsError = null
    } catch (e) {
      if (!isLatest()) return
      entry.points = null
      entry.pointsError = toAppError(e)
    }
  }

  // What the points depend on; the title and evidence do not change them.
  watch(
    () => {
      const v = entry.values
      return [v.member?.id, v.kind, v.date, v.quantity, v.overrideOn, v.override]
    },
    () => void refreshPoints(),
  )
  watch(
    () => yearOf(entry.values.date),
    (y) => void loadRules(y),
  )

  /** Clears the error shown under one field once the user edits it. */
  function clearFieldError(field: string): void {
    if (entry.fieldErrors[field]) entry.fieldErrors = withoutField(entry.fieldErrors, field)
  }

  /**
   * Records what the form holds. On success the form stays open for the
   * next one, keeping the date and kind, and the list reloads; on failure
   * everything typed stays and the errors are set. Returns whether it saved.
   */
  async function save(): Promise<boolean> {
    if (entry.saving) return false
    entry.saving = true
    entry.error = null
    entry.fieldErrors = {}
    try {
      await api.create(inputOf(entry.values))
      entry.values = nextEntry(entry.values)
      entry.saved++
      void load()
      return true
    } catch (e) {
      const err = toAppError(e)
      entry.error = err
      entry.fieldErrors = fieldErrorsOf(err)
      return false
    } finally {
      entry.saving = false
    }
  }

  // ---- editor of a recorded contribution -------------------------------
  const editor = reactive({
    open: false,
    /** The contribution as last read or saved. */
    row: null as ContributionRow | null,
    values: emptyEntry(),
    /** Why it changes: needed to correct an approved one or withdraw a decision. */
    reason: '',
    fieldErrors: {} as Record<string, FieldError>,
    error: null as AppError | null,
    /** What is being done: '' when idle. */
    busy: '' as '' | 'save' | 'withdraw' | 'delete' | 'approved' | 'rejected',
    history: [] as AuditEntry[],
    historyLoading: false,
    historyError: null as AppError | null,
  })

  const names = useMemberNamesStore()

  function openEditor(r: ContributionRow): void {
    // The member picker shows the member by name.
    names.remember([{ id: r.member_id, name: r.member_name }])
    Object.assign(editor, { open: true, row: r, values: entryOf(r), reason: '', fieldErrors: {}, error: null, busy: '', history: [] })
    void loadRules(yearOf(r.date))
    void loadHistory()
  }

  function closeEditor(): void {
    editor.open = false
  }

  async function loadHistory(): Promise<void> {
    const id = editor.row?.id
    if (!id) return
    editor.historyLoading = true
    editor.historyError = null
    try {
      const h = await api.history(id)
      if (editor.row?.id === id) editor.history = h
    } catch (e) {
      if (editor.row?.id === id) editor.historyError = toAppError(e)
    } finally {
      editor.historyLoading = false
    }
  }

  /**
   * Runs one of the editor's actions on the contribution shown. On success
   * the editor shows the contribution as it is now (or closes, once it is
   * deleted), its history and the list reload; on failure what was typed
   * stays, with the error.
   */
  async function act(busy: Exclude<typeof editor.busy, ''>, action: (r: ContributionRow) => Promise<Contribution | void>): Promise<boolean> {
    const r = editor.row
    if (!r || editor.busy) return false
    editor.busy = busy
    editor.error = null
    editor.fieldErrors = {}
    try {
      const out = await action(r)
      if (out) {
        editor.row = { ...r, ...out }
        editor.values = entryOf(editor.row)
        editor.reason = ''
        void loadHistory()
      } else {
        editor.open = false
      }
      void load()
      return true
    } catch (e) {
      editor.error = toAppError(e)
      editor.fieldErrors = fieldErrorsOf(editor.error)
      return false
    } finally {
      editor.busy = ''
    }
  }

  const saveEdit = () => act('save', (r) => api.update(r.id, r.version, inputOf(editor.values), editor.reason))
  const withdrawEdit = () => act('withdraw', (r) => api.withdraw(r.id, r.version, editor.reason))
  const deleteEdit = () => act('delete', (r) => api.remove(r.id, r.version))
  const decideEdit = (to: 'approved' | 'rejected') => act(to, (r) => (to === 'approved' ? api.approve(r.id, r.version) : api.reject(r.id, r.version)))

  /** Clears the error shown under one of the editor's fields once it is edited. */
  function clearEditorError(field: string): void {
    if (editor.fieldErrors[field]) editor.fieldErrors = withoutField(editor.fieldErrors, field)
  }

  return {
    editor, openEditor, closeEditor, saveEdit, withdrawEdit, deleteEdit, decideEdit, clearEditorError,
    year, status, text: list.text, page: list.page, items, total: list.total, loading: list.loading, busy: list.busy, error: list.error,
    shownYear, selected, selectedPending,
    load, setYear, setStatus, setPage: list.setPage, setText: list.setText, review, approveSelected,
    rulesByYear, loadRules,
    entry, entryRules, memberOptions, memberSearching, openEntry, closeEntry, findMembers, refreshPoints, clearFieldError, save,
  }
})
