// The spreadsheet imports the pages offer: which service each kind calls,
// where its field names are translated, and the wording of its rows (the
// English `message` of a row is never shown).
import type { ImportReport, ImportRow, Importer } from '@/api/imports'
import { fieldErrorText, translateError, type HasKey, type Translate } from '@/api/errors'
import { importer as contributionImporter } from '@/api/contributions'
import { importer as groupImporter } from '@/api/groups'
import { importer as memberImporter } from '@/api/members'

export type ImportKind = 'members' | 'groups' | 'contributions'

export interface ImportSpec {
  importer: Importer
  /** The i18n prefix of the kind's field names (changes and field errors). */
  fields: string
}

export const IMPORTS: Record<ImportKind, ImportSpec> = {
  members: { importer: memberImporter, fields: 'fields' },
  groups: { importer: groupImporter, fields: 'groups.fields' },
  contributions: { importer: contributionImporter, fields: 'contributions.fields' },
}

/** How many rows importing the report would write. */
export function writes(r: ImportReport): number {
  return r.new + r.updated
}

/** A file imports only when no row is an error and some row writes. */
export function importable(r: ImportReport): boolean {
  return r.errors === 0 && writes(r) > 0
}

function fieldName(field: string, fields: string, t: Translate, te: HasKey): string {
  return te(`${fields}.${field}`) ? t(`${fields}.${field}`) : field
}

/**
 * Why a row of an import is an error, one line per problem: the reason's
 * text, or for field errors each field's name and problem
 * ("类型：2026 年规则中没有…"); fields is the kind's prefix of field names.
 */
export function rowErrorLines(row: ImportRow, fields: string, t: Translate, te: HasKey): string[] {
  if (row.reason === 'fields' && row.fields) {
    return Object.entries(row.fields).map(([field, reason]) =>
      t('imports.fieldProblem', {
        field: fieldName(field, fields, t, te),
        problem: fieldErrorText({ reason, params: row.params ?? {} }, t, te),
      }),
    )
  }
  return [translateError({ code: 'invalid', reason: row.reason, message: '', params: row.params }, t, te)]
}

/** "修改：城市、单位": the fields an updated row changes. */
export function changesText(row: ImportRow, fields: string, t: Translate, te: HasKey): string {
  const names = (row.changes ?? []).map((f) => fieldName(f, fields, t, te))
  return t('imports.changed', { fields: names.join(t('imports.joiner')) })
}
