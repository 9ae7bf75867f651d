import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/events'
import type { AttendeeRow, Event, Speaker } from '@/api/events'
import type { FileData } from '@/api/certificates'
import { AppError, toAppError, type FieldError } from '@/api/errors'
import { parseAttendeeCode } from '@/attendance'
import { submitWalkIn } from './walkIn'

const PICKED_KEY = 'ace-desk.desk-event'

function remembered(): number {
  try {
    return Number(sessionStorage.getItem(PICKED_KEY)) || 0
  } catch {
    return 0
  }
}

function remember(id: number): void {
  try {
    sessionStorage.setItem(PICKED_KEY, String(id))
  } catch {
    /* storage unavailable */
  }
}

/** The phone at the door: today's event, the check-in search, walk-ins, the front row and the speakers. */
export const useDeskStore = defineStore('desk', () => {
  const events = ref<Event[]>([])
  const event = ref<Event | null>(null)
  const loading = ref(false)
  const error = ref<AppError | null>(null)

  const query = ref('')
  const results = ref<AttendeeRow[]>([])
  const searching = ref(false)
  /** Set once a search ran, so "nobody found" shows only after one. */
  const searched = ref(false)
  const searchError = ref<AppError | null>(null)
  /** The member whose check-in is changing. */
  const busy = ref(0)

  const frontRow = ref<AttendeeRow[]>([])
  const speakers = ref<Speaker[]>([])
  const walkInErrors = ref<Record<string, FieldError>>({})
  const walkingIn = ref(false)
  let seq = 0

  const eventId = computed(() => event.value?.id ?? 0)

  /** Today's events; picks the remembered one, or the only one. */
  async function load(): Promise<void> {
    loading.value = true
    try {
      events.value = await api.today()
      error.value = null
      const keep = events.value.find((e) => e.id === (eventId.value || remembered()))
      const pick = keep ?? (events.value.length === 1 ? events.value[0] : null)
      if (pick) await choose(pick.id)
      else event.value = null
    } catch (e) {
      error.value = toAppError(e)
    } finally {
      loading.value = false
    }
  }

  /** Opens one of today's events at the desk. */
  async function choose(id: number): Promise<void> {
    const e = events.value.find((x) => x.id === id) ?? null
    event.value = e
    query.value = ''
    results.value = []
    searched.value = false
    searchError.value = null
    walkInErrors.value = {}
    if (!e) return
    remember(id)
    await loadSides()
  }

  /** The front row and the speakers (each named, registered to attend or not). */
  async function loadSides(): Promise<void> {
    const id = eventId.value
    try {
      const [row, talks] = await Promise.all([api.frontRow(id), api.speakers(id)])
      if (id !== eventId.value) return
      frontRow.value = row
      speakers.value = talks
    } catch (e) {
      error.value = toAppError(e)
    }
  }

  /**
   * Finds attendees by name, pinyin or phone, or by a scanned attendee code
   * (ACE-ATT:<event>:<member>), which must be for this event.
   */
  async function search(text = query.value): Promise<void> {
    query.value = text
    if (!text.trim() || !eventId.value) {
      ++seq
      results.value = []
      searched.value = false
      searchError.value = null
      return
    }
    await find(async (id) => {
      const code = parseAttendeeCode(text)
      if (code && code.event !== id) {
        throw new AppError({ code: 'invalid', reason: 'attendee_code_other_event', message: 'attendee code of another event' })
      }
      if (code) return (await api.attendees(id)).filter((a) => a.member_id === code.member)
      return api.checkInSearch(id, text)
    })
  }

  /** Finds the attendees whose QR codes the hub reads in a photo. */
  function scan(name: string, bytes: Uint8Array): Promise<void> {
    query.value = ''
    return find((id) => api.scanAttendee(id, name, bytes))
  }

  /** Runs one lookup; only the latest one's answer is shown. */
  async function find(lookup: (eventID: number) => Promise<AttendeeRow[]>): Promise<void> {
    const mine = ++seq
    searchError.value = null
    searching.value = true
    try {
      const found = await lookup(eventId.value)
      if (mine !== seq) return
      results.value = found
      searched.value = true
    } catch (e) {
      if (mine !== seq) return
      results.value = []
      searchError.value = toAppError(e)
    } finally {
      if (mine === seq) searching.value = false
    }
  }

  function replace(row: AttendeeRow): void {
    results.value = results.value.map((a) => (a.member_id === row.member_id ? row : a))
    frontRow.value = frontRow.value.map((a) => (a.member_id === row.member_id ? row : a))
  }

  /**
   * Checks a row in, or takes it back, from the version shown. The device
   * name is the hub's business (it fills in the paired device's name). A
   * refusal (another desk was first) reloads the results so the row shows
   * what is true now, and rejects with the AppError to show.
   */
  async function toggle(a: AttendeeRow): Promise<AttendeeRow> {
    busy.value = a.member_id
    try {
      const row = a.checked_in ? await api.undoCheckIn(a.event_id, a.member_id, a.version) : await api.checkIn(a.event_id, a.member_id, a.version)
      replace(row)
      return row
    } catch (e) {
      const err = toAppError(e)
      if (err.code === 'conflict' || err.code === 'not_found') await search()
      throw err
    } finally {
      busy.value = 0
    }
  }

  /** Adds someone at the door and checks them in; field errors stay in walkInErrors, null when refused that way. */
  function walkIn(name: string, phone: string): Promise<AttendeeRow | null> {
    return submitWalkIn(walkInErrors, walkingIn, () => api.walkIn(eventId.value, name, phone))
  }

  function certificate(memberId: number): Promise<FileData> {
    return api.speakerCertificate(eventId.value, memberId)
  }

  function picture(memberId: number): Promise<FileData> {
    return api.speakerPicture(eventId.value, memberId)
  }

  return {
    events, event, eventId, loading, error, query, results, searching, searched, searchError, busy, frontRow, speakers,
    walkInErrors, walkingIn, load, choose, loadSides, search, scan, toggle, walkIn, certificate, picture,
  }
})
