// The website showcase as a visitor sees it: the HTML page that
// `acedesk showcase` writes, opened from disk in Chromium. It must render
// the holders, run no script and fetch nothing: not even a font or image.
// And a certificate's Open Badge, downloaded from the Certificates page.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ARTIFACTS, at, browser, openPage, run, serve, tempDB } from './lib.mjs'

test('the showcase page renders from disk with no request leaving it', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--members', '120', '--db', db])
  const html = join(dirname(db), 'showcase.html')
  const json = join(dirname(db), 'showcase.json')
  await run(['showcase', '--out', html, '--db', db])
  await run(['showcase', '--out', json, '--db', db])
  const data = JSON.parse(readFileSync(json, 'utf8'))
  assert.ok(data.total > 0, 'the demo has level holders')

  const b = await browser(t)
  const page = await b.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true })
  const url = pathToFileURL(html).href
  const requests = []
  const violations = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()) })
  await page.goto(url, { waitUntil: 'load' })

  assert.deepEqual(requests, [url], 'the page loads nothing besides itself')
  assert.deepEqual(violations, [], 'the page breaks its own policy')
  // The inline style applied: the policy allows it by hash.
  const heroBg = await page.locator('header.hero').evaluate((e) => getComputedStyle(e).backgroundImage)
  assert.match(heroBg, /linear-gradient/)
  assert.equal(await page.locator('script').count(), 0)
  assert.equal(await page.locator('li.card').count(), data.total)
  const first = data.levels[0].cities[0].people[0]
  await assert.doesNotReject(page.getByText(first.name, { exact: true }).first().waitFor())
  assert.equal(await page.locator('section.level').count(), data.levels.length)

  await page.screenshot({ path: join(ARTIFACTS, 'showcase.png'), fullPage: false })
  await page.screenshot({ path: join(ARTIFACTS, 'showcase-full.png'), fullPage: true })
  const mobile = await b.newPage({ viewport: { width: 390, height: 844 } })
  await mobile.goto(url)
  await mobile.screenshot({ path: join(ARTIFACTS, 'showcase-mobile.png'), fullPage: false })
})

test('a certificate row downloads its Open Badge in browser mode', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--members', '60', '--db', db])
  await run(['setup', '--chapter', 'HZ', '--db', db])
  const batch = `${new Date().getFullYear() - 1}-Q4`
  const printed = await run(['certs', '--batch', batch, '--out', join(dirname(db), 'batch.pdf'), '--db', db])
  const serial = printed.split('\t')[0]
  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/certificates'))
  const row = page.locator(`[data-testid="cert-row"][data-serial="${serial}"]`)
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('cert-badge').click()])
  assert.equal(download.suggestedFilename(), `${serial}.openbadge.json`)
  const credential = JSON.parse(readFileSync(await download.path(), 'utf8'))
  assert.deepEqual(credential.type, ['VerifiableCredential', 'OpenBadgeCredential'])
  assert.equal(credential.proof.cryptosuite, 'eddsa-jcs-2022')
  assert.match(credential.issuer.id, /^did:key:z6Mk/)
})
