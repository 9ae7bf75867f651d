// Wording of standings in the UI language: level labels, kind labels and
// the reasons, translated from the rules package's code + params (the
// Chinese `text` the server sends is only a fallback for unknown codes).
import type { KindRule, StandingRow, TrackRow } from '@/api/standings'
import type { HasKey, Translate } from '@/api/errors'

/** Every reason code app/rules/reason.go produces. */
export const REASON_CODES = [
  'points_ace', 'points_partner', 'points_short', 'points_reached',
  'group_lead', 'promoted_lead', 'invitation', 'special_grant', 'no_standing',
] as const

/** The level's display name; "—" for none or an unknown level. */
export function levelLabel(level: string, t: Translate, te: HasKey): string {
  const key = `standings.levels.${level}`
  return level && te(key) ? t(key) : t('standings.levels.none')
}

/** The level a reason speaks about, when its params don't name it. */
const CODE_LEVEL: Record<string, string> = { points_ace: 'ace', points_partner: 'partner', points_short: 'partner' }

/** One track's reason in the UI language. */
export function reasonText(track: Pick<TrackRow, 'code' | 'params' | 'text' | 'level'>, t: Translate, te: HasKey): string {
  const params: Record<string, unknown> = { ...(track.params ?? {}) }
  const level = String(params.level ?? CODE_LEVEL[track.code] ?? track.level ?? '')
  params.level = levelLabel(level, t, te)
  let key = `standings.reasons.${track.code}`
  if (track.code === 'special_grant' && params.group) key = 'standings.reasons.special_grant_group'
  if (!track.code || !te(key)) return track.text
  return t(key, params)
}

/**
 * The lines shown in the reasons column: each track's reason, then how far
 * the next level is, unless a points_short reason already says so.
 */
export function reasonLines(row: Pick<StandingRow, 'tracks' | 'next' | 'to_next'>, t: Translate, te: HasKey): string[] {
  const tracks = row.tracks ?? []
  const lines = tracks.map((tr) => reasonText(tr, t, te))
  const saysShort = tracks.some((tr) => tr.code === 'points_short') && row.next === 'partner'
  if (row.next && row.to_next > 0 && !saysShort) {
    lines.push(t('standings.toNext', { missing: row.to_next, level: levelLabel(row.next, t, te) }))
  }
  return lines
}

/** A kind's label in the language; the key when the year has no such kind. */
export function kindLabel(key: string, kinds: readonly KindRule[], locale: string): string {
  const k = kinds.find((x) => x.key === key)
  if (!k) return key
  return (locale === 'en' ? k.label_en : k.label_zh) || k.label_zh || k.key
}

/** The non-zero points by kind, in the order of the year's table. */
export function pointsByKind(row: Pick<StandingRow, 'points_by_kind'>, kinds: readonly KindRule[], locale: string) {
  const by = row.points_by_kind ?? {}
  const order = kinds.map((k) => k.key)
  const keys = Object.keys(by)
    .filter((k) => by[k])
    .sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999))
  return keys.map((k) => ({ key: k, label: kindLabel(k, kinds, locale), points: by[k] }))
}
