import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import * as api from '@/api/events'
import type { Contribution, Event, EventInput } from '@/api/events'
import * as groupsApi from '@/api/groups'
import * as systemApi from '@/api/system'
import type { Group } from '@/api/groups'
import { rulesOf, type KindRule } from '@/api/standings'
import { AppError, fieldErrorsOf, toAppError, type FieldError } from '@/api/errors'
import { useMemberNamesStore } from './memberNames'
import { yearLoader } from './latest'

export interface EventEditor {
  open: boolean
  /** The event as last saved (null while creating). */
  event: Event | null
  /** What the user typed; never cleared by a failed save. */
  values: EventInput
  fieldErrors: Record<string, FieldError>
  error: AppError | null
  saving: boolean
  /** The contributions of the saved event's talks and organizer, by id. */
  contributions: Record<number, Contribution>
  /** The contribution being approved or rejected. */
  deciding: number
  /** The kinds of the event year's rules, for points. */
  kinds: KindRule[]
}

export function emptyEventInput(date = ''): EventInput {
  return { name: '', name_en: '', kind: 'city_meetup', date, city: '', group_id: 0, attendance: 0, organizer_id: 0, talks: [] }
}

export function eventInputOf(e: Event): EventInput {
  return {
    name: e.name, name_en: e.name_en ?? '', kind: e.kind, date: e.date, city: e.city, group_id: e.group_id, attendance: e.attendance,
    organizer_id: e.organizer_id,
    talks: (e.talks ?? []).map((t) => ({ member_id: t.member_id, title: t.title, contribution_id: t.contribution_id })),
  }
}

function closedEditor(): EventEditor {
  return { open: false, event: null, values: emptyEventInput(), fieldErrors: {}, error: null, saving: false, contributions: {}, deciding: 0, kinds: [] }
}

/** The members an event names (speakers and organizer). */
export function membersOf(e: Pick<EventInput, 'talks' | 'organizer_id'>): number[] {
  return [...new Set([...e.talks.map((t) => t.member_id), e.organizer_id].filter((id) => id))]
}

export const useEventsStore = defineStore('events', () => {
  const items = ref<Event[]>([])
  const kinds = ref<string[]>([])
  const groups = ref<Group[]>([])
  const names = useMemberNamesStore()

  const groupName = computed(() => {
    const m: Record<number, string> = {}
    for (const g of groups.value) m[g.id] = g.name
    return (id: number) => (id ? (m[id] ?? `#${id}`) : '')
  })

  /** Loads the year's events (and, once, the kinds) with the groups. */
  const { year, loading, error, shownYear, load } = yearLoader(
    (y) => Promise.all([api.list(y), kinds.value.length ? kinds.value : api.kinds(), groupsApi.list()]),
    ([list, k, g]) => {
      items.value = list
      kinds.value = k
      groups.value = g
    },
  )

  // ---- editor -----------------------------------------------------------
  const editor = reactive<EventEditor>(closedEditor())

  /** The hub's date when the editor last asked: '' until then. */
  const today = ref('')

  /**
   * Opens the editor on a new event dated today on the hub's clock (a lead
   * creating the event on site gets it on the desks' list); when the hub
   * cannot say, with no date and the error.
   */
  async function openCreate(): Promise<void> {
    const error = await loadToday()
    Object.assign(editor, closedEditor(), { open: true, values: emptyEventInput(error ? '' : today.value), error })
  }

  /** Asks the hub for its date; returns the error when it cannot say. */
  async function loadToday(): Promise<AppError | null> {
    try {
      today.value = await systemApi.today()
      return null
    } catch (e) {
      return toAppError(e)
    }
  }

  function openEdit(e: Event): void {
    Object.assign(editor, closedEditor(), { open: true, event: e, values: eventInputOf(e) })
    void loadToday()
    void names.ensure(membersOf(editor.values))
    void loadContributions()
  }

  function closeEditor(): void {
    editor.open = false
  }

  function addTalk(): void {
    editor.values.talks.push({ member_id: 0, title: '', contribution_id: 0 })
  }

  function removeTalk(i: number): void {
    editor.values.talks.splice(i, 1)
  }

  /** Loads the contributions of the saved event, and its year's kinds for points. */
  async function loadContributions(): Promise<void> {
    const e = editor.event
    if (!e) return
    const ids = new Set([...(e.talks ?? []).map((t) => t.contribution_id), e.organizer_contribution_id].filter((id) => id))
    try {
      const [lists, rules] = await Promise.all([
        Promise.all(membersOf(eventInputOf(e)).map((m) => api.contributionsOf(m))),
        rulesOf(Number(e.date.slice(0, 4))),
      ])
      if (editor.event?.id !== e.id) return
      const out: Record<number, Contribution> = {}
      for (const c of lists.flat()) if (ids.has(c.id)) out[c.id] = c
      editor.contributions = out
      editor.kinds = rules.kinds ?? []
    } catch (err) {
      if (editor.event?.id === e.id) editor.error = toAppError(err)
    }
  }

  /**
   * Creates or updates the event. On success the editor shows the saved
   * event with its talks' contributions; on failure it keeps everything
   * typed and shows the error.
   */
  async function save(): Promise<Event | null> {
    if (editor.saving) return null
    editor.saving = true
    editor.error = null
    editor.fieldErrors = {}
    let saved: Event
    try {
      const e = editor.event
      saved = await api.save(e?.id ?? 0, e?.version ?? 0, editor.values)
    } catch (err) {
      const ae = toAppError(err)
      editor.error = ae
      editor.fieldErrors = fieldErrorsOf(ae)
      return null
    } finally {
      editor.saving = false
    }
    editor.event = saved
    editor.values = eventInputOf(saved)
    void load()
    await loadContributions()
    return saved
  }

  /** Approves or rejects one of the event's contributions. */
  async function decide(c: Contribution, approve: boolean): Promise<Contribution | null> {
    editor.deciding = c.id
    editor.error = null
    try {
      const out = await (approve ? api.approve(c.id, c.version) : api.reject(c.id, c.version))
      editor.contributions = { ...editor.contributions, [out.id]: out }
      return out
    } catch (err) {
      editor.error = toAppError(err)
      return null
    } finally {
      editor.deciding = 0
    }
  }

  /** Deletes the event being edited; closes the editor when done. */
  async function remove(): Promise<boolean> {
    const e = editor.event
    if (!e) return false
    try {
      await api.remove(e.id, e.version)
      editor.open = false
      await load()
      return true
    } catch (err) {
      editor.error = toAppError(err)
      return false
    }
  }

  /** Shows an event's door counts without reloading the list. */
  function setCounts(id: number, registered: number, checkedIn: number): void {
    for (const e of [...items.value, editor.event]) {
      if (e?.id === id) {
        e.registered = registered
        e.checked_in = checkedIn
      }
    }
  }

  return {
    setCounts,
    year, items, kinds, groups, loading, error, shownYear, groupName, load, today,
    editor, openCreate, openEdit, closeEditor, addTalk, removeTalk, save, decide, remove, loadContributions,
  }
})
