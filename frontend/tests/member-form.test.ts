import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NDialogProvider, NMessageProvider } from 'naive-ui'

vi.mock('@/api/members', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/members')>()
  const { AppError } = await import('@/api/errors')
  return {
    ...real,
    search: vi.fn(async () => ({ items: [], total: 0 })),
    categories: vi.fn(async () => ['user', 'vendor']),
    history: vi.fn(async () => []),
    create: vi.fn(async () => {
      throw new AppError({ code: 'invalid', reason: 'fields', message: 'invalid fields', fields: { phone: 'invalid_phone' } })
    }),
  }
})
vi.mock('@/api/system', () => ({ info: vi.fn(async () => ({ members: 1 })), loadDemo: vi.fn() }))

import * as api from '@/api/members'
import { makeI18n } from '@/i18n'
import { useMembersStore } from '@/stores/members'
import MemberDrawer from '@/components/MemberDrawer.vue'

let wrapper: VueWrapper | undefined

function mountDrawer(locale: 'zh-CN' | 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const Host = defineComponent({
    setup: () => () => h(NMessageProvider, null, () => h(NDialogProvider, null, () => h(MemberDrawer))),
  })
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, makeI18n(locale)] } })
  return useMembersStore()
}

function byTestId(id: string): HTMLElement {
  const el = document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)
  if (!el) throw new Error(`no element with data-testid=${id}`)
  return el
}

async function typeInto(id: string, value: string) {
  const input = byTestId(id) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

describe('member form', () => {
  it('shows the translated field error under the phone field when Create rejects', async () => {
    const store = mountDrawer('zh-CN')
    await store.loadCategories()
    store.openCreate()
    await flushPromises()

    expect(byTestId('member-form').tagName).toBe('FORM')
    await typeInto('input-name', '张喆')
    await typeInto('input-phone', '12345')
    expect(store.editor.values.phone).toBe('12345')

    byTestId('save-member').click()
    await flushPromises()

    expect(api.create).toHaveBeenCalledWith(expect.objectContaining({ name: '张喆', phone: '12345' }))
    const phoneItem = byTestId('field-phone')
    expect(phoneItem.textContent).toContain('手机号格式不正确')
    // Only the phone field is marked.
    expect(byTestId('field-name').textContent).not.toContain('手机号格式不正确')
    expect(byTestId('member-form-error').textContent).toContain('请检查标出的字段')
    // Nothing typed is lost and the form stays open.
    expect((byTestId('input-phone') as HTMLInputElement).value).toBe('12345')
    expect((byTestId('input-name') as HTMLInputElement).value).toBe('张喆')
    expect(store.editor.open).toBe(true)
    // The English log message is never shown.
    expect(document.body.textContent).not.toContain('invalid fields')

    // Editing the field clears its error.
    await typeInto('input-phone', '13812345678')
    expect(byTestId('field-phone').textContent).not.toContain('手机号格式不正确')
  })

  it('shows the field error in English too', async () => {
    const store = mountDrawer('en')
    store.openCreate()
    await flushPromises()
    await typeInto('input-phone', 'abc')
    byTestId('save-member').click()
    await flushPromises()
    expect(byTestId('field-phone').textContent).toContain('Invalid phone')
  })
})
