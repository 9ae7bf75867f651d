// The Data exchange page's exports in a real browser against a real `acedesk serve`:
// the export for headquarters runs as a job and arrives as a download, and
// the website showcase page carries no phone number.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { at, openPage, run, serve, shot, tempDB } from './lib.mjs'

test('data exchange: a CSV export for headquarters and the website showcase', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  const members = JSON.parse(await run(['members', 'list', '--json', '--db', db]))

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/dashboard'))
  await page.getByTestId('nav-exchange').click()
  await page.getByTestId('exchange-page').waitFor()
  await shot(page, 'exchange-exports')

  await page.getByTestId('export-format-csv').click()
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()])
  assert.match(csv.suggestedFilename(), /\.zip$/)
  assert.equal(readFileSync(await csv.path()).subarray(0, 2).toString(), 'PK')

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('showcase-html').click()])
  const text = readFileSync(await html.path(), 'utf8')
  assert.match(text, /^<!DOCTYPE html>/i)
  for (const m of members) assert.ok(!text.includes(m.phone), `the showcase shows the phone of ${m.name}`)

})
