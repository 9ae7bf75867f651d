/** Formats an RFC3339 time for display in the UI language; '' when absent. */
export function formatDateTime(v: unknown, locale: string): string {
  if (typeof v !== 'string' || !v) return ''
  const d = new Date(v)
  if (Number.isNaN(d.getTime())) return v
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
  } catch {
    return d.toLocaleString()
  }
}

/** A program date ('2026-12-07') in full, with its weekday: 2026年12月7日星期一; '' when not a date. */
export function formatLongDate(date: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return ''
  // Noon UTC, shown in UTC: the same civil day in every zone.
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12))
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(d)
}
