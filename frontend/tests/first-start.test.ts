import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'

vi.mock('@/api/settings', () => ({
  get: vi.fn(async () => ({ language: 'zh-CN', operator: 'lead', version: 1 })),
  save: vi.fn(async (s: { language: string; operator: string; version: number }) => ({ ...s, version: s.version + 1 })),
}))
vi.mock('@/api/certificates', () => {
  const setup = {
    chapter_code: '', issuer_zh: '分会', issuer_en: '', signatories: [], seal_png: '', version: 0,
    wording: { honor_zh: 'x', honor_en: '', appointment_zh: 'x', appointment_en: '', thanks_zh: 'x', thanks_en: '' },
  }
  return {
    setup: vi.fn(async () => setup),
    saveSetup: vi.fn(async (s: typeof setup) => ({ ...s, version: s.version + 1 })),
  }
})

import * as settingsApi from '@/api/settings'
import * as certsApi from '@/api/certificates'
import { makeI18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { useSettingsStore } from '@/stores/settings'
import { useCertificateSetupStore } from '@/stores/certificateSetup'
import FirstStartDialog from '@/components/FirstStartDialog.vue'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
  sessionStorage.clear()
  vi.clearAllMocks()
})

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function mountAs(local: boolean) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().session = { local, role: local ? 'admin' : 'desk', device: '', csrf: '', expires_at: '' } as never
  await useSettingsStore().load()
  const Host = defineComponent({ setup: () => () => h(NMessageProvider, null, () => h(FirstStartDialog)) })
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, makeI18n('zh-CN')] } })
  await flushPromises()
}

async function type(id: string, value: string) {
  const input = byTestId(id)!.querySelector('input')!
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await nextTick()
}

describe('FirstStartDialog', () => {
  it('asks the hub for the operator and the chapter code, and saves both', async () => {
    await mountAs(true)
    expect(byTestId('first-start-dialog')?.textContent).toContain('分会代码')
    await type('first-start-operator', '王玥')
    await type('first-start-code', 'hz')
    byTestId('save-first-start')!.click()
    await flushPromises()
    expect(vi.mocked(settingsApi.save).mock.calls[0][0]).toMatchObject({ operator: '王玥' })
    expect(vi.mocked(certsApi.saveSetup).mock.calls[0][0]).toMatchObject({ chapter_code: 'HZ' })
    // With the code saved the dialog has nothing left to ask.
    expect(useCertificateSetupStore().draft?.chapter_code).toBe('HZ')
  })

  it('asks a desk nothing', async () => {
    await mountAs(false)
    expect(byTestId('first-start-dialog')).toBeNull()
    expect(certsApi.setup).not.toHaveBeenCalled()
  })
})
