import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import * as api from '@/api/members'
import type { AuditEntry, Member, MemberInput } from '@/api/members'
import { AppError, fieldErrorsOf, toAppError, withoutField, type FieldError } from '@/api/errors'
import { useDebouncedSearch } from '@/composables/useDebouncedSearch'

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
  const archived = ref(false)
  const list = useDebouncedSearch({ query: (base) => ({ ...base, archived: archived.value }), fetch: api.search })
  /** The search text whose answer is shown. */
  const shownText = computed(() => list.shown.value?.text ?? '')
  const categories = ref<string[]>([])

  function setArchived(v: boolean): Promise<void> {
    archived.value = v
    return list.refilter()
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
    if (editor.fieldErrors[field]) editor.fieldErrors = withoutField(editor.fieldErrors, field)
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
      void list.run()
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
    void list.run()
    return saved
  }

  async function remove(m: Member): Promise<void> {
    await api.remove(m.id, m.version)
    if (editor.member?.id === m.id) resetEditor()
    void list.run()
  }

  return {
    text: list.text, archived, page: list.page, items: list.items, total: list.total, loading: list.loading, busy: list.busy,
    listError: list.error, shownText, categories,
    search: list.run, setText: list.setText, setArchived, setPage: list.setPage, loadCategories,
    editor, openCreate, openEdit, closeEditor, save, reloadEditing, clearFieldError, loadHistory,
    setMemberArchived, remove,
  }
})
