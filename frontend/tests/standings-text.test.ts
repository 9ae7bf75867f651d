import { describe, expect, it } from 'vitest'
import { makeI18n } from '@/i18n'
import type { KindRule, StandingRow, TrackRow } from '@/api/standings'
import { REASON_CODES, kindLabel, levelLabel, pointsByKind, reasonLines, reasonText } from '@/standings'

function translator(locale: 'zh-CN' | 'en') {
  const g = makeI18n(locale).global
  return {
    t: (k: string, p?: Record<string, unknown>) => g.t(k, p ?? {}),
    te: (k: string) => g.te(k),
  }
}

function track(code: string, params: Record<string, string>, level = 'none'): TrackRow {
  return { track: 'points', level, code, params, text: `服务端文本:${code}` } as TrackRow
}

// Every code app/rules/reason.go produces, with the params it sends.
const CASES: { code: string; params: Record<string, string>; level?: string; zh: string; en: string }[] = [
  { code: 'points_ace', params: { points: '520', threshold: '500' }, level: 'ace',
    zh: '520 分 ≥ 500：PostgreSQL ACE', en: '520 points ≥ 500: PostgreSQL ACE' },
  { code: 'points_partner', params: { points: '240', threshold: '200' }, level: 'partner',
    zh: '240 分 ≥ 200：PostgreSQL ACE 伙伴', en: '240 points ≥ 200: PostgreSQL ACE Partner' },
  { code: 'points_short', params: { points: '160', threshold: '200', missing: '40' },
    zh: '160 分，还差 40 分达到 PostgreSQL ACE 伙伴', en: '160 points, 40 short of PostgreSQL ACE Partner' },
  { code: 'points_reached', params: { date: '2026-03-05', level: 'ace' }, level: 'ace',
    zh: '2026-03-05 积分达到 PostgreSQL ACE', en: 'Reached PostgreSQL ACE by points on 2026-03-05' },
  { code: 'group_lead', params: { group: '杭州用户组', level: 'partner' }, level: 'partner',
    zh: '杭州用户组组长：PostgreSQL ACE 伙伴', en: 'Lead of 杭州用户组: PostgreSQL ACE Partner' },
  { code: 'promoted_lead', params: { group: '金融行业组', level: 'ace' }, level: 'ace',
    zh: '金融行业组优秀组长晋升：PostgreSQL ACE', en: 'Outstanding lead of 金融行业组, promoted: PostgreSQL ACE' },
  { code: 'invitation', params: { group: '', level: 'director' }, level: 'director',
    zh: '受邀：PostgreSQL ACE 总监', en: 'Invited: PostgreSQL ACE Director' },
  { code: 'special_grant', params: { group: '', level: 'ace' }, level: 'ace',
    zh: '特殊贡献：PostgreSQL ACE', en: 'Special contribution: PostgreSQL ACE' },
  { code: 'special_grant', params: { group: '教材编写', level: 'partner' }, level: 'partner',
    zh: '特殊贡献（教材编写）：PostgreSQL ACE 伙伴', en: 'Special contribution (教材编写): PostgreSQL ACE Partner' },
  { code: 'no_standing', params: {},
    zh: '本年度没有贡献或角色记录', en: 'No contributions or roles this year' },
]

describe('standings reasons', () => {
  it('cover every code of the rules package', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(REASON_CODES))
  })

  for (const c of CASES) {
    it(`translate ${c.code}${c.params.group ? ' with a group' : ''} in both languages`, () => {
      const tr = track(c.code, c.params, c.level)
      const zh = translator('zh-CN')
      const en = translator('en')
      expect(reasonText(tr, zh.t, zh.te)).toBe(c.zh)
      expect(reasonText(tr, en.t, en.te)).toBe(c.en)
    })
  }

  it('fall back to the server text for an unknown code', () => {
    const { t, te } = translator('en')
    expect(reasonText(track('new_code', { x: '1' }), t, te)).toBe('服务端文本:new_code')
  })

  it('add how far the next level is, once', () => {
    const en = translator('en')
    const partner = { tracks: [track('points_partner', { points: '460', threshold: '200' }, 'partner')], next: 'ace', to_next: 40 }
    expect(reasonLines(partner, en.t, en.te)).toEqual(['460 points ≥ 200: PostgreSQL ACE Partner', '40 points short of PostgreSQL ACE'])
    const zh = translator('zh-CN')
    expect(reasonLines(partner, zh.t, zh.te)[1]).toBe('还差 40 分达到 PostgreSQL ACE')
    // points_short already says it: no second line.
    const short = { tracks: [track('points_short', { points: '160', threshold: '200', missing: '40' })], next: 'partner', to_next: 40 }
    expect(reasonLines(short, en.t, en.te)).toEqual(['160 points, 40 short of PostgreSQL ACE Partner'])
    // At ACE by points there is nothing next.
    const ace = { tracks: [track('points_ace', { points: '500', threshold: '500' }, 'ace')], next: '', to_next: 0 }
    expect(reasonLines(ace, en.t, en.te)).toEqual(['500 points ≥ 500: PostgreSQL ACE'])
  })

  it('label levels, none as a dash', () => {
    const en = translator('en')
    expect(levelLabel('director', en.t, en.te)).toBe('PostgreSQL ACE Director')
    expect(levelLabel('none', en.t, en.te)).toBe('—')
    expect(levelLabel('bogus', en.t, en.te)).toBe('—')
  })
})

describe('points by kind', () => {
  const kinds = [
    { key: 'talk_conference', label_zh: '生态大会演讲', label_en: 'Talk at the annual ecosystem conference', points: 400, unit: 1 },
    { key: 'article', label_zh: '公众号首发文章', label_en: 'Article first published on the WeChat account', points: 20, unit: 1 },
  ] as KindRule[]

  it('keeps non-zero kinds in table order with labels in the language', () => {
    const row = { points_by_kind: { article: 60, talk_live: 0, talk_conference: 400, mystery: 5 } } as unknown as StandingRow
    expect(pointsByKind(row, kinds, 'zh-CN')).toEqual([
      { key: 'talk_conference', label: '生态大会演讲', points: 400 },
      { key: 'article', label: '公众号首发文章', points: 60 },
      { key: 'mystery', label: 'mystery', points: 5 },
    ])
    expect(pointsByKind(row, kinds, 'en').map((p) => p.label)[1]).toBe('Article first published on the WeChat account')
    expect(kindLabel('nope', kinds, 'en')).toBe('nope')
  })
})
