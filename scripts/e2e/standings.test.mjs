// The standings page in a real browser against a real `acedesk serve`:
// the demo year's summary matches the command line, the level filter, and
// reasons translated into English.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openPage, run, serve, shot, tempDB } from './lib.mjs'

const ACE_LABEL_ZH = 'PostgreSQL ACE'

// rowLevels lists the data-level of every row the table shows now.
const rowLevels = (page) =>
  page.$$eval('[data-testid=standings-row]', (rows) => rows.map((r) => r.getAttribute('data-level')))

test('a chapter lead reads the year standings, filters to ACE, and reads them in English', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  // The CLI first: the database can only be opened by one process.
  const rows = JSON.parse(await run(['standings', '--json', '--db', db]))
  const aces = rows.filter((r) => r.level === 'ace')
  assert.ok(aces.length > 0, 'the demo year has ACE members')
  const near = rows.filter((r) => r.near)

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, server.url)
  await page.getByTestId('nav-standings').click()
  await page.getByTestId('standings-table').waitFor()
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=standings-total]')?.getAttribute('data-count') === String(n),
    rows.length,
  )
  assert.equal(await page.getByTestId('standings-count-ace').textContent(), String(aces.length))
  assert.equal(await page.getByTestId('standings-count-partner').textContent(), String(rows.filter((r) => r.level === 'partner').length))
  assert.equal(await page.getByTestId('standings-count-near').textContent(), String(near.length))
  assert.equal(await page.getByTestId('standings-row').count(), Math.min(50, rows.length))
  assert.match(await page.title(), /^积分与级别 \(\d+\) — ACE Desk$/)
  await shot(page, 'browser-10-standings')

  // Filter to ACE: exactly the CLI's ACE members, each tagged as ACE.
  await page.getByTestId('standings-level').click()
  await page.getByTestId('standings-level-ace').click()
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=standings-row]').length === n,
    aces.length,
  )
  const ids = await page.$$eval('[data-testid=standings-row]', (rs) => rs.map((r) => Number(r.getAttribute('data-member-id'))))
  assert.deepEqual(ids.sort((a, b) => a - b), aces.map((r) => r.member_id).sort((a, b) => a - b))
  assert.deepEqual(new Set(await rowLevels(page)), new Set(['ace']))
  const tags = await page.getByTestId('standings-level-tag').allTextContents()
  assert.deepEqual(new Set(tags), new Set([ACE_LABEL_ZH]))
  await shot(page, 'browser-11-standings-ace')

  // Search by name within the filter.
  const first = aces[0]
  await page.getByTestId('standings-search').fill(first.name)
  await page.locator(`[data-testid=standings-row][data-member-id="${first.member_id}"]`).waitFor()
  assert.deepEqual(new Set(await rowLevels(page)), new Set(['ace']))
  await page.getByTestId('standings-search').fill('')

  // The demo has this year and last year: the year before is empty, zero counts.
  const year = rows[0].year
  await page.getByTestId('standings-year').locator('.n-base-selection').click()
  await page.getByTestId(`standings-year-${year - 2}`).click()
  await page.getByTestId('standings-empty').waitFor()
  assert.equal(await page.getByTestId('standings-count-ace').textContent(), '0')
  await shot(page, 'browser-13-standings-empty')
  await page.getByTestId('standings-year').locator('.n-base-selection').click()
  await page.getByTestId(`standings-year-${year}`).click()
  await page.getByTestId('standings-table').waitFor()

  // English: the level labels and the reasons follow the language.
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('settings-language').click()
  await page.getByText('English', { exact: true }).click()
  await page.getByTestId('save-settings').click()
  await page.getByText('Standings', { exact: true }).first().waitFor()
  await page.getByTestId('nav-standings').click()
  await page.getByTestId('standings-table').waitFor()
  await page.getByTestId('standings-level').click()
  await page.getByTestId('standings-level-all').click()
  const partner = rows.find((r) => r.level === 'partner' && r.tracks.some((tr) => tr.code === 'points_partner'))
  assert.ok(partner, 'the demo year has a Partner by points')
  await page.getByTestId('standings-search').fill(partner.name)
  const p = partner.tracks.find((tr) => tr.code === 'points_partner').params
  const want = `${p.points} points ≥ ${p.threshold}: PostgreSQL ACE Partner`
  const row = page.locator(`[data-testid=standings-row][data-member-id="${partner.member_id}"]`)
  await row.getByText(want, { exact: true }).waitFor()
  await row.getByText(`${partner.to_next} points short of PostgreSQL ACE`, { exact: true }).waitFor()
  assert.doesNotMatch(await row.textContent(), /分/)
  await page.getByTestId('standings-search').fill('')
  await page.getByTestId('standings-row').first().waitFor()
  assert.match(await page.title(), /^Standings \(\d+\) — ACE Desk$/)
  await shot(page, 'browser-12-standings-english')

})
