import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { NMessageProvider } from 'naive-ui'

vi.mock('@/api/session', () => ({ publicVerify: vi.fn(), publicVerifyImage: vi.fn() }))

import * as api from '@/api/session'
import { makeI18n } from '@/i18n'
import CheckView from '@/views/CheckView.vue'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

async function open(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/check', component: CheckView }] })
  await router.push(path)
  await router.isReady()
  const Host = defineComponent({ setup: () => () => h(NMessageProvider, null, () => h(RouterView)) })
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [makeI18n('zh-CN'), router] } })
  await flushPromises()
}

const $ = (sel: string) => document.body.querySelector<HTMLElement>(sel)
const text = (id: string) => $(`[data-testid="${id}"]`)?.textContent?.trim()

const printed: api.PublicVerification = {
  status: 'revoked', serial: 'PGACE-2026-CN-000001', kind: 'honor', name: '欧阳喆', name_latin: 'Ouyang Zhe', level: 'ace',
  title: '', year: 2026, issued_at: '2026-03-31T08:00:00Z', issuer: '杭州用户组', signed_by: 'HZ', key: '4c35 37c5 4e97 a110',
}

describe('CheckView', () => {
  it('checks the code in the address at once and shows only the printed fields the hub returned', async () => {
    vi.mocked(api.publicVerify).mockResolvedValue(printed)
    await open('/check?code=PGACE-2026-CN-000001')
    expect(api.publicVerify).toHaveBeenCalledWith('PGACE-2026-CN-000001')
    const result = $('[data-testid="check-result"]')!
    expect(result.dataset.status).toBe('revoked')
    expect(result.classList).toContain('tone-warning')
    expect(result.textContent).toContain('证书已撤销')
    expect(text('check-field-name')).toBe('欧阳喆')
    expect(text('check-field-level')).toBe('PostgreSQL ACE')
    expect(text('check-field-issued_at')).toBe('2026-03-31')
    expect($('[data-testid="check-field-title"]')).toBeNull()
    expect($('[data-testid="check-field-kind"]')).toBeNull()
    // A certificate a merged chapter sent is that chapter's, with the key that signed it.
    expect(text('check-field-signed_by')).toBe('分会 HZ · 4c35 37c5 4e97 a110')
  })

  it('says plainly when the hub has no such serial', async () => {
    vi.mocked(api.publicVerify).mockResolvedValue({ ...printed, status: 'not_found', name: '', name_latin: '', level: '', year: 0, issued_at: '', issuer: '' })
    await open('/check?code=NOPE')
    const result = $('[data-testid="check-result"]')!
    expect(result.dataset.status).toBe('not_found')
    expect(result.textContent).toContain('查无此证书')
    expect($('[data-testid="check-field-name"]')).toBeNull()
  })

  it('translates a refusal, with the seconds to wait', async () => {
    vi.mocked(api.publicVerify).mockRejectedValue({ code: 'invalid', reason: 'verify_rate_limited', message: 'x', params: { seconds: '12' } })
    await open('/check?code=X')
    expect(text('check-error')).toContain('核验过于频繁，请 12 秒后再试')
  })

  it('asks nothing until there is something to check', async () => {
    await open('/check')
    expect(api.publicVerify).not.toHaveBeenCalled()
  })
})
