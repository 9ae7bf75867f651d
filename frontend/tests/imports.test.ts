import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'

vi.mock('@/api/groups', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/groups')>()
  return { ...real, importer: { preview: vi.fn(), apply: vi.fn() } }
})
vi.mock('@/api/members', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api/members')>()
  return { ...real, get: vi.fn(async (id: number) => ({ id, name: '李雷' })) }
})

import * as groups from '@/api/groups'
import { importerOf, type ImportReport, type ImportRow, type Importer } from '@/api/imports'
import { toBase64 } from '@/files'
import { makeI18n } from '@/i18n'
import { changesText, importable, rowErrorLines } from '@/imports'
import { useImport } from '@/composables/useImport'
import ImportDialog from '@/components/ImportDialog.vue'

function report(counts: Partial<Pick<ImportReport, 'new' | 'updated' | 'unchanged' | 'errors'>>, rows: Partial<ImportRow>[] = []): ImportReport {
  return {
    file: 'f.csv', columns: [], new: 0, updated: 0, unchanged: 0, errors: 0, applied: false, ...counts,
    rows: rows.map((r, i) => ({ row: i + 2, outcome: 'new', member_id: 0, name: '', ...r })),
  } as unknown as ImportReport
}

function fakeImporter(): Importer & { preview: ReturnType<typeof vi.fn>; apply: ReturnType<typeof vi.fn> } {
  return { preview: vi.fn(), apply: vi.fn() }
}

const bytes = new TextEncoder().encode('姓名,手机\n')

describe('useImport', () => {
  it('previews a file, then imports it only when no row has an error', async () => {
    const importer = fakeImporter()
    const prepare = vi.fn(async () => {})
    const imp = useImport(importer, prepare)

    importer.preview.mockResolvedValueOnce(report({ new: 1, errors: 1 }))
    await imp.preview('m.csv', bytes)
    expect(importer.preview).toHaveBeenCalledWith('m.csv', bytes)
    expect(prepare).toHaveBeenCalledWith(imp.state.report)
    expect(imp.state.report?.errors).toBe(1)
    expect(imp.canApply.value).toBe(false)
    expect(await imp.apply()).toBeNull()
    expect(importer.apply).not.toHaveBeenCalled()

    // Updates alone are worth importing.
    importer.preview.mockResolvedValueOnce(report({ updated: 2 }))
    await imp.preview('m.csv', bytes)
    expect(imp.canApply.value).toBe(true)
    importer.apply.mockResolvedValueOnce(Object.assign(report({ updated: 2 }), { applied: true }))
    expect((await imp.apply())?.applied).toBe(true)
    expect(importer.apply).toHaveBeenCalledWith('m.csv', bytes)
  })

  it('shows only the answer for the last file chosen', async () => {
    const importer = fakeImporter()
    const imp = useImport(importer)
    let answerFirst: (r: ImportReport) => void = () => {}
    importer.preview.mockReturnValueOnce(new Promise<ImportReport>((resolve) => (answerFirst = resolve)))
    const first = imp.preview('old.csv', new Uint8Array([1]))
    importer.preview.mockResolvedValueOnce(report({ new: 3 }))
    await imp.preview('new.csv', bytes)
    answerFirst(report({ errors: 5 }))
    await first
    expect(imp.state.fileName).toBe('new.csv')
    expect(imp.state.report?.new).toBe(3)
    expect(imp.state.busy).toBe(false)
  })

  it('keeps the error of a file that is not a table, and starts over on reset', async () => {
    const importer = fakeImporter()
    const imp = useImport(importer)
    importer.preview.mockRejectedValueOnce({ code: 'invalid', reason: 'import_missing_column', message: 'm', params: { file: 'x.csv', columns: '姓名' } })
    await imp.preview('x.csv', bytes)
    expect(imp.state.error?.reason).toBe('import_missing_column')
    expect(imp.state.report).toBeNull()
    imp.reset()
    expect(imp.state.error).toBeNull()
    expect(imp.state.fileName).toBe('')
  })

  it('counts a file with nothing to write as not importable', () => {
    expect(importable(report({ unchanged: 4 }))).toBe(false)
    expect(importable(report({ new: 1 }))).toBe(true)
  })
})

describe('import api', () => {
  it('sends the file as base64', async () => {
    const service = { Preview: vi.fn(async () => report({})), Apply: vi.fn() }
    await importerOf(service).preview('a.csv', bytes)
    expect(service.Preview).toHaveBeenCalledWith('a.csv', await toBase64(bytes))
  })
})

describe('wording', () => {
  const g = makeI18n('zh-CN').global
  const t = (k: string, p?: Record<string, unknown>) => g.t(k, p ?? {})
  const te = (k: string) => g.te(k)
  const errorRow = (r: Partial<ImportRow>) => ({ row: 3, outcome: 'error', member_id: 0, name: '张三', ...r }) as ImportRow

  it('explains each error row in Chinese, field by field, with the kind’s field names', () => {
    const bad = errorRow({ reason: 'fields', params: { kind: 'poem', year: '2026' }, fields: { kind: 'unknown_kind', quantity: 'not_positive' } })
    expect(rowErrorLines(bad, 'contributions.fields', t, te)).toEqual(['类型：2026 年规则中没有“poem”这一类型', '数量：必须大于 0'])
    const member = errorRow({ reason: 'fields', fields: { phone: 'invalid_phone' } })
    expect(rowErrorLines(member, 'fields', t, te)).toEqual(['手机号：手机号格式不正确（11 位手机号或 +国家代码）'])
    const ambiguous = errorRow({ reason: 'import_ambiguous_name', params: { name: '王伟', count: '2' } })
    expect(rowErrorLines(ambiguous, 'contributions.fields', t, te)).toEqual(['有 2 位成员名为「王伟」，请填写手机号'])
  })

  it('translates the reasons of the member and group imports', () => {
    const lines = (reason: string, params: Record<string, string>) => rowErrorLines(errorRow({ reason, params }), 'fields', t, te)
    expect(lines('import_no_contact', {})).toEqual(['没有手机号或邮箱，无法与名册匹配'])
    expect(lines('import_duplicate_phone', { phone: '13800000001', row: '2' })).toEqual(['手机号 13800000001 与第 2 行重复'])
    expect(lines('import_contact_conflict', { phone: '1', phone_member: '甲', email: 'e', email_member: '乙' }))
      .toEqual(['手机号 1 属于「甲」，邮箱 e 却属于「乙」'])
    expect(lines('import_unknown_committee', { committee: '宣传部' })).toEqual(['没有名为「宣传部」的委员会'])
  })

  it('names the fields an update changes', () => {
    const row = { row: 2, outcome: 'updated', member_id: 1, name: '张三', changes: ['city', 'organization'] } as ImportRow
    expect(changesText(row, 'fields', t, te)).toBe('修改：城市、单位')
    const en = makeI18n('en').global
    expect(changesText(row, 'fields', (k, p) => en.t(k, p ?? {}), (k) => en.te(k))).toBe('Changes: City, Organisation')
  })
})

describe('import dialog', () => {
  let wrapper: VueWrapper | undefined
  const mocked = vi.mocked(groups.importer)

  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    wrapper?.unmount()
    document.body.innerHTML = ''
  })

  async function mountGroups() {
    const pinia = createPinia()
    setActivePinia(pinia)
    const show = ref(true)
    const imported = vi.fn()
    const Host = defineComponent({
      setup: () => () => h(NMessageProvider, null, () =>
        h(ImportDialog, { kind: 'groups', show: show.value, 'onUpdate:show': (v: boolean) => (show.value = v), onImported: imported })),
    })
    wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, makeI18n('zh-CN')] } })
    await flushPromises()
    return { show, imported }
  }

  async function choose(name: string) {
    const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]')!
    Object.defineProperty(input, 'files', { value: [new File([bytes], name)], configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
  }

  const q = (sel: string) => document.querySelector<HTMLElement>(sel)

  it('shows the rows of a groups file, the error with its row, and imports only a good file', async () => {
    const { show, imported } = await mountGroups()
    expect(q('[data-testid=import-dialog]')?.textContent).toContain('委员会、工作组、年度')

    mocked.preview.mockResolvedValueOnce(report({ new: 1, errors: 1 }, [
      { outcome: 'error', name: '杭州用户组', reason: 'import_bad_year', params: { year: '二〇二六' } },
      { outcome: 'new', name: '上海用户组', member_id: 7 },
    ]))
    await choose('bad.csv')
    expect(q('[data-testid=import-row][data-row="2"][data-outcome=error]')?.textContent).toContain('「二〇二六」不是有效的年度')
    expect(q('[data-testid=import-row][data-row="3"]')?.textContent).toContain('组长：李雷')
    expect(q('[data-testid=import-has-errors]')).not.toBeNull()
    expect(q('[data-testid=import-apply]')?.hasAttribute('disabled')).toBe(true)

    mocked.preview.mockResolvedValueOnce(report({ updated: 1 }, [{ outcome: 'updated', name: '上海用户组', member_id: 7, changes: ['lead_phone'] }]))
    await choose('good.csv')
    expect(q('[data-testid=import-row][data-row="2"]')?.textContent).toMatch(/更新.*上海用户组.*组长：李雷/)
    expect(q('[data-testid=import-summary]')?.textContent?.replace(/\s+/g, '')).toBe('0新增·1更新·0无变化·0错误')
    const apply = q('[data-testid=import-apply]')!
    expect(apply.hasAttribute('disabled')).toBe(false)
    expect(apply.textContent).toContain('导入 1 条')

    const done = report({ updated: 1 })
    done.applied = true
    mocked.apply.mockResolvedValueOnce(done)
    apply.click()
    await flushPromises()
    expect(mocked.apply).toHaveBeenCalledWith('good.csv', bytes)
    expect(imported).toHaveBeenCalledWith(done)
    expect(show.value).toBe(false)
  })
})
