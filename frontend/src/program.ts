// Wording and small rules of the program pages (events, groups, decisions,
// batches and renewal) in the UI language.
import type { HasKey, Translate } from '@/api/errors'
import type { Contribution } from '@/api/events'
import type { KindRule } from '@/api/standings'
import { reasonText } from '@/standings'

/** The contribution kind a talk at an event of each kind earns (the others earn none). */
export const TALK_KINDS: Readonly<Record<string, string>> = {
  conference: 'talk_conference',
  regional_summit: 'talk_regional',
  live: 'talk_live',
}

/** The event kind whose organizer earns a contribution, and which one. */
export const ORGANIZER_EVENT = 'university'
export const ORGANIZER_KIND = 'university_event'

/** A translated label from a keyed section, or the key itself when unknown. */
export function labelOf(section: string, key: string, t: Translate, te: HasKey): string {
  const k = `${section}.${key}`
  return key && te(k) ? t(k) : key
}

/** The points a contribution gives under the year's kinds: its override, or the table's. */
export function contributionPoints(c: Pick<Contribution, 'kind' | 'quantity' | 'override'>, kinds: readonly KindRule[]): number {
  if (c.override !== undefined && c.override !== null) return c.override
  const k = kinds.find((x) => x.key === c.kind)
  if (!k) return 0
  return Math.floor(c.quantity / Math.max(1, k.unit)) * k.points
}

/** A server reason row ({code, params, text}) in the UI language: `<section>.<code>`, else its text. */
export function rowText(section: string, row: { code: string; params?: Record<string, string>; text: string }, t: Translate, te: HasKey): string {
  const key = `${section}.${row.code}`
  return row.code && te(key) ? t(key, { ...(row.params ?? {}) }) : row.text
}

/** A batch or renewal entry's reason: the standings' reason codes. */
export function entryReason(level: string, reason: { code: string; params?: Record<string, string>; text: string }, t: Translate, te: HasKey): string {
  return reasonText({ code: reason.code, params: reason.params ?? {}, text: reason.text, level }, t, te)
}

/** Dates as the program writes them: YYYY-MM-DD in local time. */
export function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
