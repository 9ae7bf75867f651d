// The Certificates page in a real browser against a real `acedesk serve`:
// issue a published batch's certificates, preview one (pdf.js draws page 1
// on a canvas), print what was issued in the background and download the PDF.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { api, at, clearOfLabels, openPage, run, serve, shot, tempDB } from './lib.mjs'

test('issue a batch, preview a certificate, print what was issued with progress', async (t) => {
  const db = tempDB(t)
  const year = new Date().getFullYear() - 1
  const batch = `${year}-Q4`
  await run(['demo', '--db', db]) // the demo publishes last year's batches

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/dashboard'))

  const nav = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.dataset.testid))
  assert.equal(nav[nav.indexOf('nav-levels') + 1], 'nav-certificates')
  await page.getByTestId('nav-certificates').click()
  await page.getByTestId('certificates-page').waitFor()

  // Issue: the year and quarter default to last year's Q4.
  await page.getByTestId('cert-issue').filter({ hasText: batch }).click()
  const rows = page.getByTestId('cert-row')
  await rows.first().waitFor()
  const count = await rows.count()
  assert.ok(count > 0, 'issued certificates are listed')
  const firstSerial = await rows.first().getAttribute('data-serial')
  assert.ok(firstSerial)
  await shot(page, 'certificates-issued')

  // Preview: page 1 on a canvas with something drawn.
  await rows.first().getByTestId('cert-preview').click()
  const canvas = page.getByTestId('cert-preview-canvas')
  await page.locator('[data-testid="cert-preview-canvas"][data-ready="yes"]').waitFor()
  const drawn = await canvas.evaluate((c) => {
    const ctx = c.getContext('2d')
    const { data } = ctx.getImageData(0, 0, c.width, c.height)
    let ink = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++
    return { w: c.width, h: c.height, ink }
  })
  assert.ok(drawn.w > 300 && drawn.h > 200, `canvas has a size: ${JSON.stringify(drawn)}`)
  assert.ok(drawn.ink > 1000, `canvas has content: ${JSON.stringify(drawn)}`)
  // The print-safe area is drawn over the page, 10 mm inside the trim.
  const [pageBox, safeBox] = await Promise.all([canvas.boundingBox(), page.getByTestId('cert-safe-area').boundingBox()])
  assert.ok(Math.abs((safeBox.x - pageBox.x) / pageBox.width - 10 / 297) < 0.005, `safe area ${JSON.stringify(safeBox)} in ${JSON.stringify(pageBox)}`)
  assert.ok(Math.abs((safeBox.y - pageBox.y) / pageBox.height - 10 / 210) < 0.005, `safe area ${JSON.stringify(safeBox)} in ${JSON.stringify(pageBox)}`)
  await shot(page, 'certificates-preview')
  await page.keyboard.press('Escape')
  await page.getByTestId('cert-preview-modal').waitFor({ state: 'detached' })

  // Issuing selected what it issued: print that into one PDF.
  const want = Number((await page.getByTestId('cert-print').textContent()).match(/（(\d+)）/)[1])
  assert.ok(want >= count, `the issued certificates are selected: ${want}`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cert-print').click()])
  await page.locator('[data-testid="cert-job"][data-state="done"]').waitFor()
  assert.match(await page.getByTestId('cert-job-text').textContent(), new RegExp(`${want}\\s*/\\s*${want}`))
  assert.match(download.suggestedFilename(), /\.pdf$/)
  assert.equal(readFileSync(await download.path()).subarray(0, 5).toString(), '%PDF-')
  await shot(page, 'certificates-printed')

  // The picture to share: a PNG a phone screen wide.
  const [picture] = await Promise.all([page.waitForEvent('download'), rows.first().getByTestId('cert-picture').click()])
  assert.match(picture.suggestedFilename(), new RegExp(`^${firstSerial}.*\\.png$`))
  const png = readFileSync(await picture.path())
  assert.equal(png.subarray(1, 4).toString(), 'PNG')
  assert.equal(png.readUInt32BE(16), 1080, 'the picture is 1080 pixels wide')

  // Printing counted: the list shows the prints after a reload.
  await page.reload()
  await page.locator(`[data-testid="cert-row"][data-serial="${firstSerial}"]`).waitFor()

})

test('the first start asks for the operator and the chapter code before anything is issued', async (t) => {
  const db = tempDB(t)
  const server = await serve(db, ['serve'], undefined, { firstStart: true })
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/dashboard'))
  await page.getByTestId('first-start-dialog').waitFor()
  // The screenshot once the dialog has faded in.
  await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="first-start-dialog"]')).opacity === '1')
  await shot(page, 'first-start')
  await clearOfLabels(page, 'first-start')
  await page.getByTestId('first-start-operator').locator('input').fill('王玥')
  await page.getByTestId('first-start-code').locator('input').fill('hz')
  await page.getByTestId('save-first-start').click()
  await page.getByTestId('first-start-dialog').waitFor({ state: 'detached' })
  assert.equal((await api(server.url, 'service.CertificateService.Setup')).chapter_code, 'HZ')
  assert.equal((await api(server.url, 'service.SettingsService.Get')).operator, '王玥')
})
