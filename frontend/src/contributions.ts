// Wording of contributions in the UI language: kinds and quantities.
import type { ContributionRow } from '@/api/contributions'
import type { KindRule } from '@/api/standings'
import type { Translate } from '@/api/errors'
import { kindLabel } from '@/standings'
import { BEANS_KIND } from '@/stores/contributions'

/** "PG.Live 直播", or "PGFans PG 豆 · 2500 PG 豆" for beans. */
export function kindText(c: Pick<ContributionRow, 'kind' | 'quantity'>, kinds: readonly KindRule[], locale: string, t: Translate): string {
  const label = kindLabel(c.kind, kinds, locale)
  return c.kind === BEANS_KIND ? `${label} · ${t('contributions.beans', { count: c.quantity })}` : label
}
