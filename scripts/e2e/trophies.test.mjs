// The Trophies page in a real browser against a real `acedesk serve`: the
// demo's published batch, a status changed inline that survives a reload,
// a conflicting change that keeps the user's choice in view, and the
// exports arriving as browser downloads.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { at, expectConsole, openPage, run, serve, shot, tempDB } from './lib.mjs'

// call invokes a bound method from inside the page, as the browser shim does.
const call = (page, name, ...args) =>
  page.evaluate(async ([n, a]) => {
    const { csrf } = await (await fetch('/api/session')).json()
    const res = await fetch(`/api/call/service.${n}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify(a),
    })
    return res.json()
  }, [name, args])

// pick chooses an option of the status select of a row.
async function pick(page, row, status) {
  await row.getByTestId('trophy-status').click()
  await page.locator(`[data-testid="trophy-status-${status}"]`).click()
}

test('trophies of a published batch: status inline, conflict, exports', async (t) => {
  const db = tempDB(t)
  const batch = `${new Date().getFullYear() - 1}-Q4`
  await run(['demo', '--db', db]) // the demo publishes last year's batches

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/dashboard'))

  const nav = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.dataset.testid))
  assert.equal(nav[nav.indexOf('nav-certificates') + 1], 'nav-trophies')
  await page.getByTestId('nav-trophies').click()
  await page.getByTestId('trophies-page').waitFor()

  // The latest published batch is shown: last year's Q4 early in a year.
  const rows = page.getByTestId('trophy-row')
  await rows.first().waitFor()
  assert.match(await page.getByTestId('trophy-batch').textContent(), new RegExp(batch))
  const all = await call(page, 'TrophyService.ForBatch', batch)
  assert.ok(all.length > 0, 'the batch has trophies')
  const count = async (s) => Number(await page.getByTestId(`trophy-count-${s}`).getAttribute('data-count'))
  assert.equal(await count('to_order'), all.length)

  // Change the first trophy's status; it is saved and stays after a reload.
  const member = await rows.first().getAttribute('data-member')
  const row = page.locator(`[data-testid="trophy-row"][data-member="${member}"]`)
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('TrophyService.Update') && r.ok()),
    pick(page, row, 'shipped'),
  ])
  assert.equal(await count('shipped'), 1)
  await page.reload()
  await row.waitFor()
  assert.equal(await row.getAttribute('data-status'), 'shipped')
  assert.equal(await count('shipped'), 1)
  await shot(page, 'trophies')

  // Someone else changes it meanwhile: our choice is refused, shown as not
  // saved, and still visible until we reload.
  expectConsole(page, /status of 409 \(Conflict\)|\[ace\] call failed/)
  const mine = (await call(page, 'TrophyService.ForBatch', batch)).find((x) => String(x.member_id) === member)
  const theirs = await call(page, 'TrophyService.Update', { ...mine, status: 'received' })
  assert.equal(theirs.status, 'received')
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('TrophyService.Update') && r.status() >= 400),
    pick(page, row, 'ordered'),
  ])
  await page.getByTestId('trophy-unsaved').waitFor()
  await page.locator('.n-message', { hasText: '此记录已被他人修改' }).waitFor()
  assert.equal(await row.getAttribute('data-status'), 'ordered')
  assert.match(await row.getByTestId('trophy-status').textContent(), /已下单/)
  await shot(page, 'trophies-conflict')
  await page.getByTestId('trophy-reload').click()
  await page.locator(`[data-testid="trophy-row"][data-member="${member}"][data-status="received"]`).waitFor()
  assert.equal(await page.getByTestId('trophy-unsaved').count(), 0)

  // The engraving shows in full, as the maker engraves it.
  const engraving = row.getByTestId('trophy-engraving')
  assert.equal(await engraving.textContent(), mine.engraving)
  assert.ok(await engraving.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getClientRects().length > 0), 'the engraving is not cut')

  // Most of the demo's members have no shipping address: the page says how
  // many, and an export asks first; a cancel exports nothing.
  const missing = all.filter((x) => !x.address.trim()).length
  assert.ok(missing > 0, 'some trophies have no address')
  const warning = page.getByTestId('trophy-missing-address')
  assert.equal(await warning.getAttribute('data-count'), String(missing))
  assert.equal((await warning.textContent()).trim(), `${all.length} 座中有 ${missing} 座没有收件地址，无法寄送：请先在成员名册中补上收件人的地址。`)
  // Each row on the page without one says so.
  const shown = new Set(await rows.evaluateAll((r) => r.map((x) => x.dataset.member)))
  assert.equal(await page.getByTestId('trophy-no-address').count(), all.filter((x) => shown.has(String(x.member_id)) && !x.address.trim()).length)
  await page.getByTestId('trophy-export-pdf').click()
  await page.getByTestId('trophy-export-warning').waitFor()
  await shot(page, 'trophies-export-warning')
  await page.getByRole('button', { name: '取消' }).click()
  await page.getByTestId('trophy-export-warning').waitFor({ state: 'detached' })

  // Exports arrive as downloads in the browser, once the lead says so.
  for (const [button, ext, magic] of [['trophy-export-xlsx', 'xlsx', 'PK'], ['trophy-export-pdf', 'pdf', '%PDF-']]) {
    await page.getByTestId(button).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trophy-export-anyway').click()])
    assert.equal(download.suggestedFilename(), `trophies-${batch}.${ext}`)
    const data = readFileSync(await download.path())
    assert.ok(data.length > 1000, `${ext}: ${data.length} bytes`)
    assert.equal(data.subarray(0, magic.length).toString(), magic)
  }

  // The benefit lists tab: the advisory roster, exported too.
  await page.locator('.n-tabs-tab[data-name="benefits"]').click()
  await page.getByTestId('benefit-row').first().waitFor()
  await page.getByTestId('benefit-list-advisory').click()
  await page.getByTestId('benefit-year').waitFor()
  await shot(page, 'trophies-benefits')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('benefit-export-xlsx').click()])
  assert.match(download.suggestedFilename(), /^advisory-\d{4}\.xlsx$/)
  assert.equal(readFileSync(await download.path()).subarray(0, 2).toString(), 'PK')

})
