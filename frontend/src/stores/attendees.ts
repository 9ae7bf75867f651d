import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/events'
import type { AttendeeRow } from '@/api/events'
import type { FileData } from '@/api/certificates'
import { AppError, toAppError, type FieldError } from '@/api/errors'
import { useEventsStore } from './events'
import { submitWalkIn } from './walkIn'

/** The door of the event open in the drawer: its attendees and front row. */
export const useAttendeesStore = defineStore('attendees', () => {
  const eventId = ref(0)
  const items = ref<AttendeeRow[]>([])
  const frontRow = ref<AttendeeRow[]>([])
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The member whose row is changing (check-in, removal). */
  const busy = ref(0)
  const walkInErrors = ref<Record<string, FieldError>>({})
  const walkingIn = ref(false)
  const events = useEventsStore()
  let seq = 0

  const registered = computed(() => items.value.length)
  const checkedIn = computed(() => items.value.filter((a) => a.checked_in).length)

  /** Loads the attendees and the front row of an event (0 clears them). */
  async function open(id: number): Promise<void> {
    eventId.value = id
    items.value = []
    frontRow.value = []
    error.value = null
    walkInErrors.value = {}
    if (id) await load()
  }

  async function load(): Promise<void> {
    const id = eventId.value
    const mine = ++seq
    loading.value = true
    try {
      const [list, row] = await Promise.all([api.attendees(id), api.frontRow(id)])
      if (mine !== seq) return
      items.value = list
      frontRow.value = row
      error.value = null
      events.setCounts(id, registered.value, checkedIn.value)
    } catch (e) {
      if (mine === seq) error.value = toAppError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** Runs a change of one member's row; a refused change reloads, so the desk shows what is true now. */
  async function change(memberId: number, action: () => Promise<unknown>): Promise<void> {
    busy.value = memberId
    try {
      await action()
    } catch (e) {
      const err = toAppError(e)
      if (err.code === 'conflict' || err.code === 'not_found') await load()
      throw err
    } finally {
      busy.value = 0
    }
    await load()
  }

  /** Registers a roster member; rejects with the AppError when refused. */
  function register(memberId: number): Promise<void> {
    return change(memberId, () => api.register(eventId.value, memberId))
  }

  /** Checks a row in, or takes its check-in back, from the version shown. */
  function toggle(a: AttendeeRow): Promise<void> {
    return change(a.member_id, () =>
      a.checked_in ? api.undoCheckIn(a.event_id, a.member_id, a.version) : api.checkIn(a.event_id, a.member_id, a.version),
    )
  }

  function unregister(a: AttendeeRow): Promise<void> {
    return change(a.member_id, () => api.unregister(a.event_id, a.member_id, a.version))
  }

  /**
   * Adds someone at the door and checks them in. Field errors stay in
   * walkInErrors; resolves with the new row, or null when refused.
   */
  function walkIn(name: string, phone: string): Promise<AttendeeRow | null> {
    return submitWalkIn(walkInErrors, walkingIn, async () => {
      const row = await api.walkIn(eventId.value, name, phone)
      await load()
      return row
    })
  }

  function placeCards(): Promise<FileData> {
    return api.placeCards(eventId.value)
  }

  return {
    eventId, items, frontRow, loading, error, busy, walkInErrors, walkingIn, registered, checkedIn,
    open, load, register, toggle, unregister, walkIn, placeCards,
  }
})
