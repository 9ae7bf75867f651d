// Small rules of the event door in the UI.

/** What a filter looks at of an attendee. */
export interface Findable {
  name: string
  name_latin: string
  phone: string
}

function initials(latin: string): string {
  return latin
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
}

/**
 * Whether every word of text is part of the name, the pinyin (with or
 * without spaces, or its initials: "zs" for Zhang San) or the phone as
 * shown (masked, so its visible digits).
 */
export function attendeeMatches(a: Findable, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean)
  const latin = a.name_latin.toLowerCase()
  const joined = latin.replace(/\s+/g, '')
  const init = initials(latin)
  return words.every(
    (w) =>
      a.name.toLowerCase().includes(w) ||
      (latin !== '' && (latin.includes(w) || joined.includes(w))) ||
      (w.length >= 2 && init.startsWith(w)) ||
      (/^\d{3,}$/.test(w) && a.phone.includes(w)),
  )
}

/** The local time of day of a check-in, "HH:MM" ('' when none). */
export function checkInTime(at: unknown): string {
  if (typeof at !== 'string' || at === '' || at.startsWith('0001-')) return ''
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return ''
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** The attendee QR's payload prefix: ACE-ATT:<eventID>:<memberID>. */
const ATTENDEE_CODE = /^ACE-ATT:(\d+):(\d+)$/i

/** The payload of an attendee's QR code for an event. */
export function attendeeCode(eventID: number, memberID: number): string {
  return `ACE-ATT:${eventID}:${memberID}`
}

/** The event and member of a scanned or pasted attendee code, or null when text is not one. */
export function parseAttendeeCode(text: string): { event: number; member: number } | null {
  const m = ATTENDEE_CODE.exec(text.trim())
  if (!m) return null
  const event = Number(m[1])
  const member = Number(m[2])
  return Number.isSafeInteger(event) && Number.isSafeInteger(member) && event > 0 && member > 0 ? { event, member } : null
}
