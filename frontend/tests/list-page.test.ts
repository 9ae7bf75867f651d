import { afterEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { AppError } from '@/api/errors'
import { makeI18n } from '@/i18n'
import ListPage from '@/components/ListPage.vue'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

const slots = {
  actions: () => h('button', { 'data-testid': 'add' }, 'Add'),
  lead: () => h('div', { 'data-testid': 'lead' }),
  empty: () => h('div', { 'data-testid': 'empty' }),
  toolbar: () => h('input', { 'data-testid': 'search' }),
  default: () => h('table', { 'data-testid': 'table' }),
  dialogs: () => h('div', { 'data-testid': 'drawer' }),
}

function page(props: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN') {
  wrapper = mount(ListPage, { props: { title: '成员名册', ...props }, slots, global: { plugins: [makeI18n(locale)] } })
  return wrapper
}

const has = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`).exists()

describe('ListPage', () => {
  it('shows the title, the count with its data attributes, the actions, the toolbar and the table', () => {
    const w = page({ subtitle: '共 3 人', subtitleAttrs: { 'data-testid': 'member-total', 'data-count': 3, 'data-busy': 'false' }, count: 3 })
    expect(w.find('h1').text()).toBe('成员名册')
    const total = w.find('[data-testid="member-total"]')
    expect(total.text()).toBe('共 3 人')
    expect(total.attributes()).toMatchObject({ 'data-count': '3', 'data-busy': 'false' })
    expect(w.find('.header-actions [data-testid="add"]').exists()).toBe(true)
    expect(w.find('.toolbar [data-testid="search"]').exists()).toBe(true)
    for (const id of ['lead', 'table', 'drawer']) expect(has(w, id), id).toBe(true)
    expect(has(w, 'empty')).toBe(false)
    expect(w.find('.n-alert').exists()).toBe(false)
    expect(document.title).toBe('成员名册 (3) — ACE Desk')
  })

  it('leaves the count out of the header and the window title while there is none', () => {
    const w = page({ subtitle: '', subtitleAttrs: { 'data-testid': 'member-total' }, count: null })
    expect(has(w, 'member-total')).toBe(false)
    expect(document.title).toBe('成员名册 — ACE Desk')
  })

  it('shows the empty state instead of the toolbar and the table, and keeps the lead and the dialogs', () => {
    const w = page({ empty: true })
    expect(has(w, 'empty')).toBe(true)
    expect(has(w, 'search')).toBe(false)
    expect(has(w, 'table')).toBe(false)
    expect(has(w, 'lead')).toBe(true)
    expect(has(w, 'drawer')).toBe(true)
  })

  for (const [locale, text, retry] of [['zh-CN', '「王喆」已归档', '重试'], ['en', 'is archived', 'Retry']] as const) {
    it(`shows a load error in ${locale} with a Retry that asks again`, async () => {
      const error = new AppError({ code: 'conflict', reason: 'member_archived', message: 'x', params: { member: '王喆' } })
      const w = page({ error, errorTestid: 'member-list-error' }, locale)
      const alert = w.find('[data-testid="member-list-error"]')
      expect(alert.text()).toContain(text)
      expect(alert.text()).toContain('王喆')
      const button = alert.findAll('button').find((b) => b.text() === retry)!
      await button.trigger('click')
      expect(w.emitted('retry')).toHaveLength(1)
    })
  }
})
