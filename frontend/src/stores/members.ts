import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import * as api from '@/api/members'
import type { AuditEntry, Member, MemberInput } from '@/api/members'
import { AppError, fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'

export const PAGE_SIZE = 50
export const SEARCH_DEBOUNCE_MS = 200

export interface Editor {
  open: boolean
  mode: 'create' | 'edit'
  /** The member as last loaded from the server (edit mode). */
  member: Member | null
  /** What the user typed; never cleared by a failed save. */
  values: MemberInput
  fieldErrors: Record<string, FieldError>
  error: AppError | null
  saving: boolean
  history: AuditEntry[]
  historyLoading: boolean
  historyError: AppError | null
}

function closedEditor(): Editor {
  return {
    open: false,
    mode: 'create',
    member: null,
    values: api.emptyMemberInput(),
    fieldErrors: {},
    error: null,
    saving: false,
    history: [],
    historyLoading: false,
    historyError: null,
  }
}

export const useMembersStore = defineStore('members', () => {
  // ---- list -------------------------------------------------------------
  const text = ref('')
  const archived = ref(false)
  const page = ref(1)
  const items = ref<Member[]>([])
  const total = ref(0)
  const loading = ref(false)
  const listError = ref<AppError | null>(null)
  /** The query whose answer is shown (text of the applied response). */
  const shownText = ref('')
  const categories = ref<string[]>([])

  let latest = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  /** True while typing has scheduled a search that has not started yet. */
  const debouncing = ref(false)
  /** True until the answer for what is in the search box is shown. */
  const busy = computed(() => debouncing.value || loading.value)

  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / PAGE_SIZE)))

  /**
   * Runs the current query now. Only the answer to the most recent request is
   * applied: an older answer arriving late is dropped, so fast typing can't
   * leave the table showing results for an earlier text.
   */
  async function search(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    debouncing.value = false
    const seq = ++latest
    const q = { text: text.value.trim(), archived: archived.value, offset: (page.value - 1) * PAGE_SIZE, limit: PAGE_SIZE }
    loading.value = true
    try {
      const res = await api.search(q)
      if (seq !== latest) return
      // A page past the end (after archiving the last row of a page): go back.
      if (res.items.length === 0 && res.total > 0 && page.value > 1) {
        page.value = Math.max(1, Math.ceil(res.total / PAGE_SIZE))
        return search()
      }
      items.value = res.items
      total.value = res.total
      shownText.value = q.text
      listError.value = null
    } catch (e) {
      if (seq !== latest) return
      listError.value = toAppError(e)
    } finally {
      if (seq === latest) loading.value = false
    }
  }

  /** Search as you type: waits SEARCH_DEBOUNCE_MS after the last keystroke. */
  function setText(v: string): void {
    text.value = v
    page.value = 1
    if (timer) clearTimeout(timer)
    debouncing.value = true
    timer = setTimeout(() => {
      timer = undefined
      void search()
    }, SEARCH_DEBOUNCE_MS)
  }

  function setArchived(v: boolean): Promise<void> {
    archived.value = v
    page.value = 1
    return search()
  }

  function setPage(p: number): Promise<void> {
    page.value = p
    return search()
  }

  async function loadCategories(): Promise<void> {
    if (categories.value.length) return
    try {
      categories.value = await api.categories()
    } catch {
      // The list still works; the select falls back to the known keys.
      categories.value = ['user', 'vendor', 'integrator', 'isv', 'hardware', 'university', 'media', 'training', 'volunteer']
    }
  }

  // ---- editor -----------------------------------------------------------
  const editor = reactive<Editor>(closedEditor())

  function resetEditor(): void {
    Object.assign(editor, closedEditor())
  }

  function openCreate(): void {
    resetEditor()
    editor.open = true
    editor.mode = 'create'
  }

  function openEdit(m: Member): void {
    resetEditor()
    editor.open = true
    editor.mode = 'edit'
    editor.member = m
    editor.values = api.inputOf(m)
    void loadHistory(m.id)
  }

  function closeEditor(): void {
    editor.open = false
  }

  async function loadHistory(id: number): Promise<void> {
    editor.historyLoading = true
    editor.historyError = null
    try {
      const h = await api.history(id)
      if (editor.member?.id === id) editor.history = h
    } catch (e) {
      if (editor.member?.id === id) editor.historyError = toAppError(e)
    } finally {
      editor.historyLoading = false
    }
  }

  /** Clears the error shown under one field once the user edits it. */
  function clearFieldError(field: string): void {
    if (editor.fieldErrors[field]) {
      const next = { ...editor.fieldErrors }
      delete next[field]
      editor.fieldErrors = next
    }
  }

  /**
   * Creates or updates the member in the editor. On success the editor closes
   * and the list reloads; on failure the editor stays open with everything
   * the user typed, and the error (and per-field errors) are set.
   * Returns the saved member, or null when the save failed.
   */
  async function save(): Promise<Member | null> {
    if (editor.saving) return null
    editor.saving = true
    editor.error = null
    editor.fieldErrors = {}
    const values = { ...editor.values }
    try {
      const saved =
        editor.mode === 'create' || !editor.member
          ? await api.create(values)
          : await api.update(editor.member.id, editor.member.version, values)
      resetEditor()
      void search()
      return saved
    } catch (e) {
      const err = toAppError(e)
      editor.error = err
      editor.fieldErrors = fieldErrorsOf(err)
      return null
    } finally {
      editor.saving = false
    }
  }

  /** After a stale error: load the member as it is now (discarding the edit). */
  async function reloadEditing(): Promise<void> {
    if (!editor.member) return
    try {
      const fresh = await api.get(editor.member.id)
      editor.member = fresh
      editor.values = api.inputOf(fresh)
      editor.error = null
      editor.fieldErrors = {}
      void loadHistory(fresh.id)
    } catch (e) {
      editor.error = toAppError(e)
    }
  }

  /** Archives or restores; refreshes the list and the open editor. */
  async function setMemberArchived(m: Member, value: boolean): Promise<Member> {
    const saved = value ? await api.archive(m.id, m.version) : await api.restore(m.id, m.version)
    if (editor.open && editor.member?.id === m.id) {
      editor.member = saved
      void loadHistory(saved.id)
    }
    void search()
    return saved
  }

  async function remove(m: Member): Promise<void> {
    await api.remove(m.id, m.version)
    if (editor.member?.id === m.id) resetEditor()
    void search()
  }

  return {
    text, archived, page, items, total, loading, busy, listError, shownText, categories, pageCount,
    search, setText, setArchived, setPage, loadCategories,
    editor, openCreate, openEdit, closeEditor, save, reloadEditing, clearFieldError, loadHistory,
    setMemberArchived, remove,
  }
})
