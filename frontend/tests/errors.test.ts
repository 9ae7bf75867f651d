import { describe, expect, it } from 'vitest'
import { AppError, fieldErrorText, fieldErrorsOf, toAppError, translateError } from '@/api/errors'
import { makeI18n } from '@/i18n'

function translator(locale: 'zh-CN' | 'en') {
  const { t, te } = makeI18n(locale).global
  return { t: (k: string, p?: Record<string, unknown>) => t(k, p ?? {}), te: (k: string) => te(k) }
}

describe('toAppError', () => {
  it('keeps the fields of a service error object', () => {
    const e = toAppError({ code: 'conflict', reason: 'phone_taken', message: 'taken', params: { member: '张喆', id: 7 } })
    expect(e).toBeInstanceOf(AppError)
    expect(e.code).toBe('conflict')
    expect(e.reason).toBe('phone_taken')
    expect(e.params).toEqual({ member: '张喆', id: '7' })
  })

  it('treats a plain string as internal', () => {
    const e = toAppError('sql: database is locked')
    expect(e.code).toBe('internal')
    expect(e.reason).toBeUndefined()
    expect(e.message).toBe('sql: database is locked')
  })

  it('parses a string that holds an error object', () => {
    const e = toAppError(JSON.stringify({ code: 'invalid', reason: 'fields', message: 'x', fields: { phone: 'invalid_phone' } }))
    expect(e.code).toBe('invalid')
    expect(e.fields).toEqual({ phone: 'invalid_phone' })
  })

  it('maps unknown codes and thrown JS errors to internal', () => {
    expect(toAppError({ code: 'teapot', message: 'x' }).code).toBe('internal')
    expect(toAppError(new TypeError('boom')).code).toBe('internal')
    expect(toAppError(undefined).code).toBe('internal')
  })
})

describe('translateError', () => {
  const zh = translator('zh-CN')
  const en = translator('en')

  it('uses errors.reason.<reason> when the key exists, with params', () => {
    const err = { code: 'conflict', reason: 'phone_taken', message: 'phone taken', params: { member: '王伟', id: '3' } }
    expect(translateError(err, zh.t, zh.te)).toBe('手机号已被成员「王伟」使用')
    expect(translateError(err, en.t, en.te)).toBe('This phone number is already used by member “王伟”')
  })

  it('says which ACE Desk database a refused PostgreSQL schema holds', () => {
    const params = { target: 'hq@db:5432/ace', schema: 'acedesk', loaded: '3f9a 07c2 11aa 0b0b', source: '8d2e 5a10 c3f4 7b19' }
    const err = { code: 'conflict', reason: 'pg_other_source', message: 'x', params }
    expect(translateError(err, zh.t, zh.te)).toBe(
      'hq@db:5432/ace 中的 schema acedesk 存放的是另一个 ACE Desk 数据库（单位密钥 3f9a 07c2 11aa 0b0b）的数据，不是本数据库（8d2e 5a10 c3f4 7b19）的，没有做任何改动。请载入另一个 PostgreSQL 数据库；如要用本数据库的数据替换，请先在那里删除 schema acedesk。',
    )
    expect(translateError(err, en.t, en.te)).toBe(
      'Schema acedesk in hq@db:5432/ace holds the data of another ACE Desk database (chapter key 3f9a 07c2 11aa 0b0b), not of this one (8d2e 5a10 c3f4 7b19); nothing was changed. Load into another PostgreSQL database, or drop schema acedesk there first to replace its data with this one.',
    )
  })

  it('falls back to errors.code.<code> for an unknown reason', () => {
    const err = { code: 'conflict', reason: 'no_such_reason', message: 'x' }
    expect(translateError(err, zh.t, zh.te)).toBe('操作与当前数据冲突，请刷新后重试')
    expect(translateError({ code: 'not_found', message: 'x' }, en.t, en.te)).toBe(
      'The record was not found. It may have been deleted.',
    )
  })

  it('interpolates count and max params', () => {
    expect(translateError({ code: 'conflict', reason: 'db_not_empty', message: 'x', params: { count: '12' } }, zh.t, zh.te)).toBe(
      '数据库中已有 12 名成员，演示数据只能载入空数据库',
    )
    expect(translateError({ code: 'invalid', reason: 'demo_too_many', message: 'x', params: { max: '20000' } }, en.t, en.te)).toBe(
      'At most 20000 demo members',
    )
  })

  it('never shows the English message', () => {
    const text = translateError('pq: secret internal detail', zh.t, zh.te)
    expect(text).toBe('出错了，详情已记入日志')
    expect(text).not.toContain('secret')
  })

  it('translates stale and network', () => {
    expect(translateError({ code: 'conflict', reason: 'stale', message: 'x' }, zh.t, zh.te)).toBe('此记录已被他人修改，请刷新后重试')
    expect(translateError({ code: 'internal', reason: 'network', message: 'TypeError' }, en.t, en.te)).toContain('Cannot reach')
  })
})

describe('field errors', () => {
  const zh = translator('zh-CN')

  it('maps fields to reasons and translates them', () => {
    const fe = fieldErrorsOf(toAppError({ code: 'invalid', reason: 'fields', message: 'x', fields: { phone: 'invalid_phone', name: 'required' } }))
    expect(Object.keys(fe).sort()).toEqual(['name', 'phone'])
    expect(fieldErrorText(fe.name, zh.t, zh.te)).toBe('此项必填')
    expect(fieldErrorText(fe.phone, zh.t, zh.te)).toContain('手机号格式不正确')
  })

  it('puts phone_taken under the phone field, naming the member', () => {
    const fe = fieldErrorsOf(toAppError({ code: 'conflict', reason: 'phone_taken', message: 'x', params: { member: '李娜', id: '9' } }))
    expect(fieldErrorText(fe.phone, zh.t, zh.te)).toBe('已被成员「李娜」使用')
  })

  it('falls back for an unknown field reason', () => {
    expect(fieldErrorText({ reason: 'weird' }, zh.t, zh.te)).toBe('内容无效')
  })
})
