import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'

const CLAIMS = { serial: '2026-HZ-0042', name: '欧阳喆', title: 'PostgreSQL ACE 伙伴', year: 2026, issuer: '杭州用户组', date: '2026-03-31' }

vi.mock('@/api/trust', () => ({
  chapterKey: vi.fn(async () => ({ key_id: '2464e39ff2acc506', public_key: 'S46Z', fingerprint: '2464 e39f f2ac c506', created_at: '2026-01-05T09:00:00Z' })),
  exportPublicKey: vi.fn(async () => '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n'),
  verify: vi.fn(),
  verifyFile: vi.fn(),
}))

import * as api from '@/api/trust'
import { makeI18n } from '@/i18n'
import { fieldsOf, isVerifiable, pdfMarkers, pemFileName, shrunkSize, statusKey, toneOf } from '@/verify'
import VerifyView from '@/views/VerifyView.vue'
import SigningKeyCard from '@/components/SigningKeyCard.vue'

describe('verdict helpers', () => {
  it('colour each status: valid green, revoked orange, untrusted red', () => {
    const got = ['valid', 'revoked', 'unknown_serial', 'forged', 'unknown_issuer', 'malformed', 'something new'].map(toneOf)
    expect(got).toEqual(['success', 'warning', 'warning', 'error', 'error', 'error', 'error'])
    expect(statusKey('something new')).toBe('malformed')
  })

  it('accept PDF, PNG and JPEG files only', () => {
    expect(['a.pdf', 'B.PNG', 'c.jpg', 'd.jpeg', 'e.xlsx', 'f'].map(isVerifiable)).toEqual([true, true, true, true, false, false])
  })

  it('list the printed fields in the certificate order, none without claims', () => {
    expect(fieldsOf({ status: 'valid', reason: '', claims: CLAIMS } as api.Verification).map(([k]) => k)).toEqual(['name', 'title', 'year', 'serial', 'issuer', 'date'])
    expect(fieldsOf({ status: 'forged', reason: '' } as api.Verification)).toEqual([])
  })

  it('take only the certificate markers of a PDF', () => {
    const pdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.3 << /Keywords (ACEQR:ACE1.ab-c.d_e ACEQR:ACE1.x.y) >>'), 0xff, 0x00, ...new TextEncoder().encode(' ACEQR:')])
    expect(new TextDecoder().decode(pdfMarkers(pdf))).toBe('ACEQR:ACE1.ab-c.d_e ACEQR:ACE1.x.y')
    expect(pdfMarkers(new TextEncoder().encode('%PDF-1.3'))).toHaveLength(0)
  })

  it('scale big images to at most 2400 pixels a side, small ones not at all', () => {
    expect(shrunkSize(4000, 3000)).toEqual([2400, 1800])
    expect(shrunkSize(3000, 6000)).toEqual([1200, 2400])
    expect(shrunkSize(800, 600)).toEqual([800, 600])
  })

  it('name the PEM file after the key', () => {
    expect(pemFileName('2464e39ff2acc506')).toBe('acedesk-public-key-2464e39f.pem')
  })
})

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

async function mountIn(component: unknown, locale: 'zh-CN' | 'en') {
  const Host = defineComponent({ setup: () => () => h(NMessageProvider, null, () => h(component as never)) })
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [makeI18n(locale)] } })
  await flushPromises()
}

const $ = (sel: string) => document.body.querySelector<HTMLElement>(sel)
const $$ = (sel: string) => [...document.body.querySelectorAll<HTMLElement>(sel)]
const text = (id: string) => $(`[data-testid="${id}"]`)?.textContent?.trim()

async function paste(value: string) {
  const input = $('[data-testid="verify-payload"]') as HTMLTextAreaElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
  $('[data-testid="verify-check"]')!.click()
  await flushPromises()
}

describe('VerifyView', () => {
  it('shows a pasted valid payload in green with its printed fields', async () => {
    vi.mocked(api.verify).mockResolvedValue({ status: 'valid', reason: 'ok', claims: CLAIMS } as api.Verification)
    await mountIn(VerifyView, 'zh-CN')
    await paste('  ACE1.abc.def \n')
    expect(api.verify).toHaveBeenCalledWith('ACE1.abc.def')
    const result = $('[data-testid="verify-result"]')!
    expect(result.dataset.status).toBe('valid')
    expect(result.classList).toContain('tone-success')
    expect(result.textContent).toContain('证书有效')
    expect(text('verify-field-name')).toBe('欧阳喆')
    expect(text('verify-field-serial')).toBe('2026-HZ-0042')
  })

  it('shows a revoked certificate in orange with the reason, in English', async () => {
    vi.mocked(api.verify).mockResolvedValue({ status: 'revoked', reason: '', revoked_reason: 'issued by mistake', claims: CLAIMS } as api.Verification)
    await mountIn(VerifyView, 'en')
    await paste('ACE1.abc.def')
    const result = $('[data-testid="verify-result"]')!
    expect(result.classList).toContain('tone-warning')
    expect(result.textContent).toContain('Revoked certificate')
    expect(text('verify-revoked-reason')).toBe('Revoked because: issued by mistake')
  })

  it('shows a forged payload in red without fields', async () => {
    vi.mocked(api.verify).mockResolvedValue({ status: 'forged', reason: 'bad signature' } as api.Verification)
    await mountIn(VerifyView, 'zh-CN')
    await paste('ACE1.abc.def')
    const result = $('[data-testid="verify-result"]')!
    expect(result.classList).toContain('tone-error')
    expect(result.textContent).toContain('证书是伪造的')
    expect($$('[data-testid^="verify-field-"]')).toHaveLength(0)
  })

  it('checks every code of a chosen PDF and says how many there were', async () => {
    vi.mocked(api.verifyFile).mockResolvedValue([
      { status: 'valid', reason: '', claims: CLAIMS },
      { status: 'unknown_issuer', reason: '' },
    ] as api.Verification[])
    await mountIn(VerifyView, 'zh-CN')
    const input = $('[data-testid="verify-file"]') as HTMLInputElement
    const file = new File(['%PDF-1.3'], '证书.pdf', { type: 'application/pdf' })
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(vi.mocked(api.verifyFile).mock.calls[0][0]).toBe('证书.pdf')
    expect(text('verify-count')).toBe('证书.pdf 中有 2 个证书码')
    expect($$('[data-testid="verify-result"]').map((r) => r.dataset.status)).toEqual(['valid', 'unknown_issuer'])
  })

  it('refuses a file of another type without calling the service', async () => {
    await mountIn(VerifyView, 'en')
    const input = $('[data-testid="verify-file"]') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'roster.xlsx')], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(api.verifyFile).not.toHaveBeenCalled()
    expect(text('verify-error')).toContain('roster.xlsx is not a PDF, PNG or JPG file')
  })

  it('translates a file without a code', async () => {
    vi.mocked(api.verifyFile).mockRejectedValue({ code: 'invalid', reason: 'no_certificate_code', message: 'x', params: { name: 'photo.png' } })
    await mountIn(VerifyView, 'zh-CN')
    const input = $('[data-testid="verify-file"]') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'photo.png')], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(text('verify-error')).toContain('photo.png 中没有找到 ACE Desk 证书码')
  })
})

describe('SigningKeyCard', () => {
  it('shows the fingerprint and key ID, and exports the PEM as a download', async () => {
    await mountIn(SigningKeyCard, 'zh-CN')
    expect(text('key-fingerprint')).toBe('2464 e39f f2ac c506')
    expect(text('key-id')).toBe('2464e39ff2acc506')
    const clicked: HTMLAnchorElement[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    $('[data-testid="key-export"]')!.click()
    await flushPromises()
    expect(api.exportPublicKey).toHaveBeenCalled()
    expect(clicked.map((a) => a.download)).toEqual(['acedesk-public-key-2464e39f.pem'])
    click.mockRestore()
  })
})
