// Wording of contributions in the UI language: kinds, quantities and the
// outcome of each row of an import, built from codes and params (the
// English `message` of a row is never shown).
import type { ContributionRow, ImportRow } from '@/api/contributions'
import type { KindRule } from '@/api/standings'
import { fieldErrorText, translateError, type HasKey, type Translate } from '@/api/errors'
import { kindLabel } from '@/standings'
import { BEANS_KIND } from '@/stores/contributions'

/** "PG.Live 直播", or "PGFans PG 豆 · 2500 PG 豆" for beans. */
export function kindText(c: Pick<ContributionRow, 'kind' | 'quantity'>, kinds: readonly KindRule[], locale: string, t: Translate): string {
  const label = kindLabel(c.kind, kinds, locale)
  return c.kind === BEANS_KIND ? `${label} · ${t('contributions.beans', { count: c.quantity })}` : label
}

/**
 * Why a row of an import is an error, one line per problem: the reason's
 * text, or for field errors each field's name and problem
 * ("类型：2026 年规则中没有…").
 */
export function rowErrorLines(row: ImportRow, t: Translate, te: HasKey): string[] {
  if (row.reason === 'fields' && row.fields) {
    return Object.entries(row.fields).map(([field, reason]) =>
      t('contributions.fieldProblem', {
        field: te(`contributions.fields.${field}`) ? t(`contributions.fields.${field}`) : field,
        problem: fieldErrorText({ reason, params: row.params ?? {} }, t, te),
      }),
    )
  }
  return [translateError({ code: 'invalid', reason: row.reason, message: '', params: row.params }, t, te)]
}
