// Checking certificates in a real browser against a real `acedesk serve`:
// the signing key in Settings matches the command line's, its PEM
// downloads, and the Verify page tells forged, unknown-issuer and malformed
// codes apart, pasted or in a file. Nothing here can sign (the UI must not),
// so a valid code is left to the Go tests, which sign with the database's key.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { at, expectRefusal, openPage, run, serve, shot, tempDB } from './lib.mjs'

const b64url = (bytes) => Buffer.from(bytes).toString('base64url')

// payload builds a code in the ACE1 format with the given key ID and an
// all-zero signature: well formed, but signed by no one.
function payload(keyIdHex) {
  const fields = ['2026-HZ-0042', '欧阳喆', 'PostgreSQL ACE 伙伴', '2026', '杭州用户组', '2026-03-31'].join('\n')
  const seal = Buffer.concat([Buffer.from(keyIdHex, 'hex'), Buffer.alloc(64)])
  return `ACE1.${b64url(Buffer.from(fields, 'utf8'))}.${b64url(seal)}`
}

const settled = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))

async function paste(page, text) {
  await page.getByTestId('verify-payload').fill(text)
  await page.getByTestId('verify-check').click()
}

const statuses = (page) => page.getByTestId('verify-result').evaluateAll((els) => els.map((e) => e.dataset.status))

test('the signing key is shown and exported, and bad certificate codes are told apart', async (t) => {
  const db = tempDB(t)
  const dir = dirname(db)
  // Before serve opens the database: the first open makes the key.
  const keyText = await run(['key', '--db', db])
  const pem = await run(['key', '--pem', '--db', db])
  const keyId = keyText.match(/key id:\s+([0-9a-f]{16})/)[1]
  const fingerprint = keyText.match(/fingerprint:\s+(.+)/)[1].trim()

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/settings'))

  // Settings: the same key as the command line, and its PEM as a download.
  await page.getByTestId('key-fingerprint').filter({ hasText: fingerprint }).waitFor()
  assert.equal(await page.getByTestId('key-id').textContent(), keyId)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('key-export').click()])
  assert.equal(download.suggestedFilename(), `acedesk-public-key-${keyId.slice(0, 8)}.pem`)
  assert.equal(readFileSync(await download.path(), 'utf8'), pem)
  await page.getByTestId('signing-key').scrollIntoViewIfNeeded()
  await shot(page, 'settings-signing-key')

  // Verify, in the menu between Certificates and Settings.
  const nav = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.dataset.testid))
  assert.deepEqual(nav.slice(-6), ['nav-levels', 'nav-certificates', 'nav-trophies', 'nav-verify', 'nav-exchange', 'nav-settings'])
  await page.getByTestId('nav-verify').click()

  const forged = payload(keyId)
  const foreign = payload('00112233445566ff')
  const cases = [
    [forged, 'forged', '证书是伪造的'],
    [foreign, 'unknown_issuer', '签发方未知'],
    ['https://example.com/不是证书', 'malformed', '不是有效的证书码'],
  ]
  for (const [text, status, title] of cases) {
    await paste(page, text)
    await page.locator(`[data-testid="verify-result"][data-status="${status}"]`).filter({ hasText: title }).waitFor()
    assert.deepEqual(await statuses(page), [status])
    assert.equal(await page.locator('[data-testid^="verify-field-"]').count(), 0, `${status} shows no fields`)
  }

  // One character changed in the forged code's seal is still no good.
  await paste(page, forged.slice(0, -1) + (forged.endsWith('A') ? 'B' : 'A'))
  await page.locator('[data-testid="verify-result"][data-status="forged"]').waitFor()

  // A certificate PDF carries its pages' codes in its metadata.
  const pdf = join(dir, '证书.pdf')
  writeFileSync(pdf, `%PDF-1.3\n1 0 obj\n<< /Keywords (ACEQR:${forged} ACEQR:${foreign}) >>\nendobj\n%%EOF\n`)
  await page.getByTestId('verify-file').setInputFiles(pdf)
  await page.getByTestId('verify-count').filter({ hasText: '证书.pdf 中有 2 个证书码' }).waitFor()
  // A PDF with no printed QR code to read: each verdict says its code came from the metadata only.
  assert.deepEqual(await page.getByTestId('verify-source').evaluateAll((els) => els.map((e) => e.dataset.source)), ['metadata', 'metadata'])
  assert.deepEqual(await statuses(page), ['forged', 'unknown_issuer'])
  await settled(page)
  await shot(page, 'verify-pdf')

  // Browser mode takes requests of at most 4 MB: a big PDF sends only its
  // markers, a big photo is scaled down first.
  const bigPDF = join(dir, 'big.pdf')
  writeFileSync(bigPDF, Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.alloc(6 << 20, 0x41), Buffer.from(`\n<< /Keywords (ACEQR:${forged}) >>\n%%EOF\n`)]))
  await page.getByTestId('verify-file').setInputFiles(bigPDF)
  await page.locator('[data-testid="verify-result"][data-status="forged"]').waitFor()
  assert.deepEqual(await statuses(page), ['forged'])
  const photo = join(dir, 'photo.png')
  // Grey noise does not compress: a 1600×1200 PNG of it is about 6 MB.
  const dataURL = await page.evaluate(async () => {
    const c = document.createElement('canvas')
    c.width = 1600
    c.height = 1200
    const ctx = c.getContext('2d')
    const img = ctx.createImageData(c.width, c.height)
    let x = 2463534242
    for (let i = 0; i < img.data.length; i += 4) {
      x ^= x << 13; x ^= x >>> 17; x ^= x << 5
      img.data[i] = (x >>> 0) & 255
      img.data[i + 1] = (x >>> 8) & 255
      img.data[i + 2] = (x >>> 16) & 255
      img.data[i + 3] = 255
    }
    ctx.putImageData(img, 0, 0)
    return c.toDataURL('image/png')
  })
  const noise = Buffer.from(dataURL.slice(dataURL.indexOf(',') + 1), 'base64')
  writeFileSync(photo, noise)
  assert.ok(noise.length > 4 << 20, `the photo is ${noise.length} bytes, want more than 4 MB`)
  // A picture without a certificate code is refused: the page says so.
  expectRefusal(page, 422, 'no_certificate_code')
  await page.getByTestId('verify-file').setInputFiles(photo)
  await page.getByTestId('verify-error').filter({ hasText: 'photo.png 中没有找到 ACE Desk 证书码' }).waitFor()

  // A picture without a QR code: this very page.
  const png = join(dir, 'screen.png')
  writeFileSync(png, await page.screenshot())
  await page.getByTestId('verify-file').setInputFiles(png)
  await page.getByTestId('verify-error').filter({ hasText: 'screen.png 中没有找到 ACE Desk 证书码' }).waitFor()
  assert.equal(await page.getByTestId('verify-result').count(), 0)

  await paste(page, forged)
  await page.locator('[data-testid="verify-result"][data-status="forged"]').waitFor()
  await settled(page)
  await shot(page, 'verify-forged')
})
