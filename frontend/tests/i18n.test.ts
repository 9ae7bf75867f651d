import { describe, expect, it } from 'vitest'
import zhCN from '@/i18n/zh-CN'
import en from '@/i18n/en'
import { makeI18n } from '@/i18n'
import { CATEGORIES, GLOSSARY } from '@/i18n/glossary'

function flatten(obj: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') Object.assign(out, flatten(v as Record<string, unknown>, key))
    else out[key] = v
  }
  return out
}

const zhFlat = flatten(zhCN)
const enFlat = flatten(en)

describe('i18n messages', () => {
  it('have identical key sets', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(zhFlat).sort())
  })

  it('have no empty values', () => {
    for (const [lang, flat] of [['zh-CN', zhFlat], ['en', enFlat]] as const) {
      for (const [k, v] of Object.entries(flat)) {
        expect(typeof v, `${lang} ${k}`).toBe('string')
        expect((v as string).trim(), `${lang} ${k}`).not.toBe('')
      }
    }
  })

  it('use the same placeholders in both languages', () => {
    const names = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const k of Object.keys(zhFlat)) expect(names(enFlat[k]), k).toEqual(names(zhFlat[k]))
  })

  it('all compile and render in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { t } = makeI18n(locale).global
      for (const k of Object.keys(zhFlat)) {
        const out = t(k, { name: 'N', member: 'M', count: 1, max: 2, fields: 'F', actor: 'A', id: 3 })
        expect(out, `${locale} ${k}`).not.toBe(k)
        expect(out, `${locale} ${k}`).not.toMatch(/\{\w+\}/)
      }
    }
  })

  it('cover every error reason and field reason of the contract', () => {
    for (const r of ['fields', 'phone_taken', 'email_taken', 'stale', 'member_not_found', 'member_has_history', 'db_not_empty', 'demo_too_many', 'internal', 'network',
      'talk_decided', 'talk_unknown', 'contribution_of_event', 'group_has_events', 'not_lead', 'decision_withdrawn', 'member_archived',
      'batch_published', 'renewal_confirmed', 'quarter_open', 'earlier_unpublished', 'batch_empty', 'renewal_early', 'renewal_empty'])
      expect(zhFlat[`errors.reason.${r}`], r).toBeTruthy()
    // Contributions and their import (app/contribution*.go, app/exchange).
    for (const r of ['contribution_stale', 'contribution_not_found', 'member_archived', 'import_has_errors',
      'import_unknown_column', 'import_missing_column', 'import_duplicate_column', 'import_unnamed_column', 'import_no_header',
      'import_legacy_format', 'import_too_large', 'import_unreadable', 'import_unknown_phone', 'import_unknown_name',
      'import_ambiguous_name', 'import_phone_name_mismatch', 'import_no_member', 'import_duplicate_contribution'])
      expect(zhFlat[`errors.reason.${r}`], r).toBeTruthy()
    for (const f of ['unknown_kind', 'invalid_date', 'not_positive', 'invalid_year'])
      expect(zhFlat[`fieldErrors.${f}`], f).toBeTruthy()
    // The member and group imports (app/member_import.go, app/group_import.go).
    for (const r of ['import_no_contact', 'import_duplicate_phone', 'import_duplicate_email', 'import_contact_conflict',
      'import_same_member', 'import_unknown_committee', 'import_bad_year', 'import_same_group_year', 'import_unknown_phone'])
      expect(zhFlat[`errors.reason.${r}`], r).toBeTruthy()
    // LAN mode (app/web: sessions, pairing, authorization, LanService; the desk's attendee codes).
    for (const r of ['pair_code_wrong', 'pair_rate_limited', 'no_session', 'session_expired', 'session_revoked', 'forbidden', 'csrf',
      'origin', 'host', 'verify_rate_limited', 'lan_start_failed', 'unknown_role', 'device_not_found', 'bad_request',
      'attendee_code_other_event', 'already_checked_in', 'already_checked_in_device', 'not_checked_in'])
      expect(zhFlat[`errors.reason.${r}`], r).toBeTruthy()
    expect(zhFlat['fieldErrors.invalid_listen']).toBeTruthy()
    // Jobs, bundle files and certificates (app/jobs.go, app/bundle_service.go, app/trust.go, app/certificate_service.go).
    for (const r of ['job_not_found', 'file_read', 'invalid_claims', 'no_certificate_for_member', 'unknown_certificate_kind'])
      expect(zhFlat[`errors.reason.${r}`], r).toBeTruthy()
    for (const c of ['invalid', 'not_found', 'conflict', 'unauthorized', 'internal'])
      expect(zhFlat[`errors.code.${c}`], c).toBeTruthy()
    for (const f of ['required', 'too_long', 'not_latin', 'invalid_phone', 'invalid_email', 'invalid_choice', 'taken', 'invalid_year', 'duplicate_year', 'date_outside_year', 'invalid_date', 'not_positive', 'speaker_required', 'title_required'])
      expect(zhFlat[`fieldErrors.${f}`], f).toBeTruthy()
    for (const c of ['user', 'vendor', 'integrator', 'isv', 'hardware', 'university', 'media', 'training', 'volunteer'])
      expect(zhFlat[`categories.${c}`], c).toBeTruthy()
  })
})

describe('LAN messages', () => {
  it('say how long to wait when pairing is rate limited', () => {
    const { t } = makeI18n('zh-CN').global
    expect(t('errors.reason.pair_rate_limited', { seconds: '30' })).toBe('尝试次数过多，请 30 秒后再试')
    expect(makeI18n('en').global.t('errors.reason.pair_rate_limited', { seconds: '30' })).toBe('Too many attempts: try again in 30 s')
  })
})

describe('job, file and certificate messages', () => {
  it('name what the Go side passes as params', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const { t } = makeI18n(locale).global
      expect(t('errors.reason.file_read', { file: 'hz.acebundle' }), locale).toContain('hz.acebundle')
      expect(t('errors.reason.no_certificate_for_member', { kind: 'thanks', year: '0' }), locale).not.toMatch(/[{}]|\b0\b|thanks/)
      expect(t('errors.reason.unknown_certificate_kind', { kind: 'medal' }), locale).toContain('medal')
    }
  })
})

describe('the glossary: one word for one thing', () => {
  const all = (flat: Record<string, unknown>) => Object.values(flat).map(String)

  for (const [name, term] of Object.entries(GLOSSARY)) {
    it(`says "${term.zh}" / "${term.en}" for ${name}, and no other word`, () => {
      expect(all(zhFlat).some((v) => v.includes(term.zh)), `zh-CN uses ${term.zh}`).toBe(true)
      expect(all(enFlat).some((v) => v.toLowerCase().includes(term.en.toLowerCase())), `en uses ${term.en}`).toBe(true)
      for (const [lang, flat] of [['zh-CN', zhFlat], ['en', enFlat]] as const) {
        for (const [k, v] of Object.entries(flat)) {
          for (const re of term.avoid) expect(String(v), `${lang} ${k}: ${re}`).not.toMatch(re)
        }
      }
    })
  }

  it('names the nine organisation categories as the seed does', () => {
    expect(zhCN.categories).toEqual(Object.fromEntries(Object.entries(CATEGORIES).map(([k, c]) => [k, c.zh])))
    expect(en.categories).toEqual(Object.fromEntries(Object.entries(CATEGORIES).map(([k, c]) => [k, c.en])))
  })

  it('writes English apostrophes as the typewriter one, which every font draws narrow', () => {
    for (const [k, v] of Object.entries(enFlat)) expect(String(v), k).not.toMatch(/[\u2018\u2019]/)
  })
})
