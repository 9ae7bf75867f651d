// The browser-mode build (no window, CGO_ENABLED=0) as a chapter lead on a
// Kylin or UOS machine starts it: no command at all. It must serve the app,
// and the roster must load in Chromium.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { at, openPage, run, serve, shot, tempDB } from '../e2e/lib.mjs'

test('the browser-mode build serves the app when started with no command', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  const server = await serve(db, [])
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/members'))
  await page.getByTestId('member-row').first().waitFor()
  assert.match(await page.title(), /\(300\)/)
  await shot(page, 'dist-serve-build')
})
