import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NDialogProvider, NMessageProvider } from 'naive-ui'

const ROWS = [
  {
    member_id: 11, name: '王喆', phone: '13800000011', city: '杭州', year: 2026, points: 520,
    points_by_kind: { talk_conference: 400, article: 120, talk_live: 0 }, level: 'ace', next: '', to_next: 0, held: 'partner',
    tracks: [{ track: 'points', level: 'ace', code: 'points_ace', params: { points: '520', threshold: '500' }, text: '520 分 ≥ 500：PostgreSQL ACE' }],
    reasons: ['520 分 ≥ 500：PostgreSQL ACE'],
  },
  {
    member_id: 12, name: '李堃', phone: '13800000012', city: '南京', year: 2026, points: 460,
    points_by_kind: { talk_conference: 400, talk_live: 50, article: 10 }, level: 'partner', next: 'ace', to_next: 40, held: 'none', near: true,
    tracks: [{ track: 'points', level: 'partner', code: 'points_partner', params: { points: '460', threshold: '200' }, text: '460 分 ≥ 200：PostgreSQL ACE 伙伴' }],
    reasons: ['460 分 ≥ 200：PostgreSQL ACE 伙伴'],
  },
  {
    member_id: 13, name: '张伟', phone: '13800000013', city: '', year: 2026, points: 150,
    points_by_kind: { talk_live: 150 }, level: 'none', next: 'partner', to_next: 50, held: 'none',
    tracks: [{ track: 'points', level: 'none', code: 'points_short', params: { points: '150', threshold: '200', missing: '50' }, text: '150 分，还差 50 分达到 PostgreSQL ACE 伙伴' }],
    reasons: ['150 分，还差 50 分达到 PostgreSQL ACE 伙伴'],
  },
]

const KINDS = [
  { key: 'talk_conference', label_zh: '生态大会演讲', label_en: 'Talk at the annual ecosystem conference', points: 400, unit: 1 },
  { key: 'talk_live', label_zh: 'PG.Live 直播', label_en: 'PG.Live online talk', points: 50, unit: 1 },
  { key: 'article', label_zh: '公众号首发文章', label_en: 'Article first published on the WeChat account', points: 20, unit: 1 },
]

vi.mock('@/api/standings', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/standings')>()
  return {
    ...real,
    forYear: vi.fn(async (year: number) => (year === new Date().getFullYear() ? structuredClone(ROWS) : [])),
    rulesOf: vi.fn(async (year: number) => ({ year, kinds: KINDS, ace_threshold: 500, partner_threshold: 200 })),
  }
})

import * as api from '@/api/standings'
import { makeI18n } from '@/i18n'
import StandingsView from '@/views/StandingsView.vue'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

async function mountView(locale: 'zh-CN' | 'en', props: Record<string, string> = {}) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const Host = defineComponent({
    setup: () => () => h(NMessageProvider, null, () => h(NDialogProvider, null, () => h(StandingsView, props))),
  })
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, makeI18n(locale)] } })
  await flushPromises()
}

const $ = (sel: string) => document.body.querySelector<HTMLElement>(sel)
const $$ = (sel: string) => [...document.body.querySelectorAll<HTMLElement>(sel)]
const text = (id: string) => $(`[data-testid="${id}"]`)?.textContent?.trim()
const rowIds = () => $$('[data-testid="standings-row"]').map((r) => r.dataset.memberId)

// Opening a Naive select the first time loads and renders its menu, which is
// slow on a cold run: more time than the default 5 s per test.
describe('standings page', { timeout: 20_000 }, () => {
  it('loads the current year and shows rows, counts, level tags, kinds and reasons', async () => {
    await mountView('zh-CN')
    expect(vi.mocked(api.forYear)).toHaveBeenCalledWith(new Date().getFullYear())
    // Sorted by points, highest first.
    expect(rowIds()).toEqual(['11', '12', '13'])
    expect(text('standings-count-ace')).toBe('1')
    expect(text('standings-count-partner')).toBe('1')
    expect(text('standings-count-director')).toBe('0')
    expect(text('standings-count-near')).toBe('1') // as the server marks them
    expect($$('[data-testid="standings-level-tag"]').map((t) => t.textContent)).toEqual(['PostgreSQL ACE', 'PostgreSQL ACE 伙伴'])
    expect($$('[data-testid="standings-held-tag"]').map((t) => t.textContent?.trim())).toEqual(['PostgreSQL ACE 伙伴'])

    const li = $('[data-testid="standings-row"][data-member-id="12"]')!
    expect(li.textContent).toContain('南京')
    expect(li.textContent).toContain('生态大会演讲400')
    expect(li.textContent).toContain('460 分 ≥ 200：PostgreSQL ACE 伙伴')
    expect(li.textContent).toContain('还差 40 分达到 PostgreSQL ACE')
    // Zero kinds are left out.
    expect($('[data-testid="standings-row"][data-member-id="11"]')!.textContent).not.toContain('PG.Live')
    expect(document.title).toBe('积分与级别 (3) — ACE Desk')
  })

  it('filters by level through the select, and by the search box', async () => {
    await mountView('zh-CN')
    $('[data-testid="standings-level"] .n-base-selection')!.click()
    await flushPromises()
    $('[data-testid="standings-level-ace"]')!.click()
    await flushPromises()
    expect(rowIds()).toEqual(['11'])
    expect($$('[data-testid="standings-row"]').every((r) => r.dataset.level === 'ace')).toBe(true)

    $('[data-testid="standings-level"] .n-base-selection')!.click()
    await flushPromises()
    $('[data-testid="standings-level-all"]')!.click()
    await flushPromises()
    const input = $('[data-testid="standings-search"]') as HTMLInputElement
    expect(input.tagName).toBe('INPUT')
    input.value = '0013'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await flushPromises()
    expect(rowIds()).toEqual(['13'])
  })

  it('filters on a card when it is clicked, shows all again on a second click, and opens on the address’s filter', async () => {
    await mountView('zh-CN')
    $('[data-testid="standings-card-near"]')!.click()
    await flushPromises()
    expect(rowIds()).toEqual(['12'])
    expect($('[data-testid="standings-card-near"]')!.getAttribute('aria-pressed')).toBe('true')
    $('[data-testid="standings-card-near"]')!.click()
    await flushPromises()
    expect(rowIds()).toEqual(['11', '12', '13'])
    wrapper?.unmount()

    const year = new Date().getFullYear()
    await mountView('zh-CN', { level: 'ace', year: String(year) })
    expect(vi.mocked(api.forYear)).toHaveBeenLastCalledWith(year)
    expect(rowIds()).toEqual(['11'])
    expect($('[data-testid="standings-card-ace"]')!.getAttribute('aria-pressed')).toBe('true')
  })

  it('speaks English: levels, kinds and reasons', async () => {
    await mountView('en')
    const li = $('[data-testid="standings-row"][data-member-id="12"]')!
    expect(li.textContent).toContain('PostgreSQL ACE Partner')
    expect(li.textContent).toContain('Talk at the annual ecosystem conference')
    expect(li.textContent).toContain('460 points ≥ 200: PostgreSQL ACE Partner')
    expect(li.textContent).toContain('40 points short of PostgreSQL ACE')
    expect($('[data-testid="standings-row"][data-member-id="13"]')!.textContent).toContain('150 points, 50 short of PostgreSQL ACE Partner')
    expect($('[data-testid="standings-table"]')!.textContent).not.toMatch(/分/)
  })

  it('shows the empty state for a year without standings', async () => {
    await mountView('zh-CN')
    const last = new Date().getFullYear() - 1
    $('[data-testid="standings-year"] .n-base-selection')!.click()
    await flushPromises()
    $(`[data-testid="standings-year-${last}"]`)!.click()
    await flushPromises()
    expect(vi.mocked(api.forYear)).toHaveBeenLastCalledWith(last)
    expect(text('standings-empty')).toContain(`${last} 年还没有积分记录`)
    expect($('[data-testid="standings-table"]')).toBeNull()
    expect(text('standings-count-ace')).toBe('0')
  })
})
