// The Data exchange page in a real browser against real `acedesk serve`s:
// a chapter exports its bundle as a download; headquarters merges it with a
// broken copy (refused whole, with the reason) once the operator has
// accepted the new chapter's key, then a bundle of the same chapter signed
// with another key, accepted only after a confirm step.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, at, openPage, run, serve, shot, tempDB } from './lib.mjs'

// chapter is a served demo database whose certificate setup names code.
async function chapter(t, code, members) {
  const db = tempDB(t)
  await run(['demo', '--db', db, '--members', String(members)])
  const server = await serve(db)
  t.after(() => server.stop())
  const setup = await api(server.url, 'service.CertificateService.Setup')
  await api(server.url, 'service.CertificateService.SaveSetup', { ...setup, chapter_code: code, issuer_zh: `${code} 分会` })
  return server
}

// exportByAPI writes a chapter's full bundle to dir, as the page would get it.
async function exportByAPI(url, dir, name) {
  const id = await api(url, 'service.BundleService.StartExport', false)
  for (;;) {
    const st = await api(url, 'service.JobService.Status', id)
    if (st.state === 'done') break
    assert.equal(st.state, 'running')
  }
  const file = await api(url, 'service.BundleService.ExportResult', id)
  const path = join(dir, name)
  writeFileSync(path, Buffer.from(file.data, 'base64'))
  return path
}

test('export a chapter bundle, merge it at headquarters, refuse a broken one, confirm a new key', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acedesk-bundles-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const hz = await chapter(t, 'HZ', 80)

  // The chapter exports from the page: the bundle arrives as a download.
  const { page: chapterPage } = await openPage(t, at(hz.url, '/dashboard'))
  const nav = await chapterPage.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.dataset.testid))
  assert.equal(nav[nav.indexOf('nav-verify') + 1], 'nav-exchange')
  await chapterPage.getByTestId('nav-exchange').click()
  await chapterPage.getByTestId('exchange-page').waitFor()
  const [download] = await Promise.all([
    chapterPage.waitForEvent('download'),
    chapterPage.getByTestId('exchange-export-button').click(),
  ])
  assert.match(download.suggestedFilename(), /^HZ-full-\d{8}-\d{6}\.acebundle$/)
  const bundle = join(dir, 'hz.acebundle')
  await download.saveAs(bundle)
  assert.equal(readFileSync(bundle).subarray(0, 2).toString(), 'PK')
  await chapterPage.locator('[data-testid="exchange-export-state"][data-state="done"]').waitFor()
  await shot(chapterPage, 'exchange-export')

  const data = readFileSync(bundle)
  const broken = join(dir, 'broken.acebundle')
  writeFileSync(broken, data.subarray(0, Math.floor(data.length / 2)))

  // Headquarters, with a chapter code of its own (a bundle may not claim
  // it): an empty database merges the good bundle and refuses the broken one.
  const hqServer = await serve(tempDB(t), ['serve'], undefined, { chapter: 'HQ' })
  t.after(() => hqServer.stop())
  const { page } = await openPage(t, at(hqServer.url, '/exchange'))
  await page.getByTestId('exchange-page').waitFor()
  await page.getByTestId('exchange-file').setInputFiles([broken, bundle])
  await page.getByTestId('exchange-merge-button').filter({ hasText: '2' }).click()
  await page.locator('[data-testid="exchange-job"][data-state="done"]').waitFor()
  const refused = page.locator('[data-testid="exchange-outcome"][data-file="broken.acebundle"] [data-testid="exchange-refused"]')
  await refused.waitFor()
  assert.match(await refused.innerText(), /broken\.acebundle/)
  assert.match(await refused.innerText(), /不是完整的 zip 文件/)
  // A chapter merged for the first time waits for the operator to check its key.
  const { fingerprint } = await api(hz.url, 'service.TrustService.ChapterKey')
  const first = page.locator('[data-testid="exchange-outcome"][data-file="hz.acebundle"] [data-testid="exchange-key-changed"][data-reason="bundle_key_unconfirmed"]')
  await first.waitFor()
  assert.match(await first.innerText(), /分会 HZ 首次合并/)
  assert.ok((await first.innerText()).includes(fingerprint), 'the new key\'s fingerprint is shown')
  await first.scrollIntoViewIfNeeded()
  await shot(page, 'exchange-new-chapter-key')
  await first.getByTestId('exchange-accept-key').click()
  await page.locator('.n-dialog').getByRole('button', { name: '核对无误，接受新密钥并合并' }).click()
  await page.locator('.n-dialog').waitFor({ state: 'detached' })
  const merged = page.locator('[data-testid="exchange-outcome"][data-file="hz.acebundle"]')
  const counts = await merged.getByTestId('exchange-counts').innerText()
  assert.match(counts, /成员\s+80\s+0\s+0\s+0/)
  await page.getByTestId('exchange-chapters').getByText('HZ 分会').waitFor()
  await shot(page, 'exchange-merged')

  // The same chapter code with another key (a reinstall, or an impostor).
  const other = await chapter(t, 'HZ', 20)
  const rekeyed = await exportByAPI(other.url, dir, 'rekeyed.acebundle')
  await page.getByTestId('exchange-file').setInputFiles([rekeyed])
  await page.getByTestId('exchange-merge-button').filter({ hasText: '1' }).click()
  const warning = page.getByTestId('exchange-key-changed')
  await warning.waitFor()
  assert.match(await warning.innerText(), /分会 HZ 的密钥变了/)
  await shot(page, 'exchange-key-changed')
  await warning.getByTestId('exchange-accept-key').click()
  await page.locator('.n-dialog').getByRole('button', { name: '核对无误，接受新密钥并合并' }).click()
  await page.locator('[data-testid="exchange-outcome"][data-file="rekeyed.acebundle"]').getByText('已接受新密钥').waitFor()
  await page.locator('.n-dialog').waitFor({ state: 'detached' })
  await shot(page, 'exchange-key-accepted')

})
