// The dashboard in a real browser against a real `acedesk serve`: the
// welcome on an empty database, then the demo year's charts and the
// members near a threshold matching the command line; and Settings → Rules:
// a refused edit keeps what was typed, a saved one survives a reload, and
// copying onto a saved year is refused in Chinese.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { expectRefusal, openPage, run, serve, shot, tempDB } from './lib.mjs'

// nearOf is what the dashboard lists: the near (as the standings mark
// them), closest first, then by member ID, at most 20.
const nearOf = (rows) =>
  rows
    .filter((r) => r.near)
    .sort((a, b) => a.to_next - b.to_next || a.member_id - b.member_id)
    .slice(0, 20)
    .map((r) => r.member_id)

// hasBars: the chart's canvas has far more painted pixels than its axis
// labels alone would paint.
const hasBars = (id) => {
  const c = document.querySelector(`[data-testid=${id}] canvas`)
  if (!c || !c.width) return false
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
  let n = 0
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
  return n > 10000
}

const dashboardReady = (page) =>
  page.waitForSelector('[data-testid=dashboard][data-busy=false]')

test('a chapter lead reads the year on the dashboard and edits the rules', async (t) => {
  const db = tempDB(t)

  // An empty database: a welcome that offers the demo data.
  let server = await serve(db)
  const { page } = await openPage(t, server.url)
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByTestId('dashboard-welcome').waitFor()
  assert.match(await page.title(), /^仪表盘 — ACE Desk$/)
  await page.getByTestId('load-demo').waitFor()
  await shot(page, 'browser-20-dashboard-welcome')
  await server.stop()

  // The CLI first: the database can only be opened by one process.
  await run(['demo', '--db', db])
  const rows = JSON.parse(await run(['standings', '--json', '--db', db]))
  const year = rows[0].year
  // The dashboard counts who holds each level this year: the ledger.
  const holders = JSON.parse(await run(['holders', '--year', String(year), '--json', '--db', db]))
  const count = (level) => holders.filter((h) => h.level === level).length
  server = await serve(db)
  t.after(() => server.stop())

  // While the year is first read, the page shows its shape, not a blank:
  // the answer is held back until the placeholder has been seen.
  let release
  const held = new Promise((resolve) => (release = resolve))
  await page.route('**/api/call/service.DashboardService.ForYear', async (route) => {
    await held
    await route.continue()
  })
  await page.goto(server.url)
  await page.getByTestId('dashboard-loading').waitFor()
  assert.equal(await page.locator('[data-testid=dashboard-loading] .n-skeleton').count(), 5)
  await shot(page, 'browser-21-dashboard-loading')
  release()
  await dashboardReady(page)
  await page.unroute('**/api/call/service.DashboardService.ForYear')
  assert.equal(await page.getByTestId('dashboard-loading').count(), 0)
  assert.equal(await page.getAttribute('[data-testid=dashboard]', 'data-year'), String(year))
  for (const level of ['ace', 'partner', 'director']) {
    assert.equal(await page.getByTestId(`dashboard-count-${level}`).textContent(), String(count(level)), level)
  }
  for (const chart of ['chart-months', 'chart-cities', 'chart-categories']) {
    await page.waitForFunction(hasBars, chart)
  }

  const want = nearOf(rows)
  assert.ok(want.length > 0, 'the demo year has members near a threshold')
  const near = await page.$$eval('[data-testid=near-item]', (items) => items.map((i) => Number(i.getAttribute('data-member-id'))))
  assert.deepEqual(near, want)
  const first = rows.find((r) => r.member_id === want[0])
  const label = first.next === 'ace' ? 'PostgreSQL ACE' : 'PostgreSQL ACE 伙伴'
  await page.locator('[data-testid=near-item]').first().getByText(`还差 ${first.to_next} 分达到 ${label}`, { exact: true }).waitFor()
  // Group duties show from October: then the demo's city groups without an
  // event and its industry groups without a December report are listed.
  const today = new Date()
  if (year < today.getFullYear() || today.getMonth() >= 9) {
    await page.getByTestId('duty-item').first().waitFor()
    const duties = await page.$$eval('[data-testid=duty-item]', (items) => items.map((i) => i.getAttribute('data-duty')))
    assert.ok(duties.includes('report') && duties.includes('event'), `duties: ${duties}`)
    await page.getByTestId('duty-item').filter({ hasText: '金融行业组' }).getByText('年度行业应用报告').waitFor()
  } else {
    await page.getByTestId('dashboard-duties').getByText('暂无待办').waitFor()
  }
  await shot(page, 'browser-21-dashboard')
  await page.getByTestId('dashboard-duties').scrollIntoViewIfNeeded()
  await shot(page, 'browser-21-dashboard-lower')
  await page.getByTestId('dashboard-year').scrollIntoViewIfNeeded()
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.waitForFunction(() => document.querySelector('[data-testid=chart-months] canvas')?.getBoundingClientRect().width < 600)
  await shot(page, 'browser-22-dashboard-1024')
  await page.setViewportSize({ width: 1280, height: 800 })

  // One definition, one number: the near card counts everyone the standings
  // mark near, lists the closest 20, and leads to them all; each card leads
  // to the list it counts.
  const nearCount = rows.filter((r) => r.near).length
  assert.ok(nearCount > want.length, `more members are near (${nearCount}) than the card lists (${want.length})`)
  assert.equal(await page.getByTestId('dashboard-near-count').getAttribute('data-count'), String(nearCount))
  assert.equal(await page.getByTestId('dashboard-near-count').textContent(), `共 ${nearCount} 人`)
  const pending = Number(await page.getByTestId('dashboard-count-pending').textContent())
  await page.getByTestId('dashboard-near-all').click()
  await page.waitForFunction((n) => document.querySelector('[data-testid=standings-shown]')?.getAttribute('data-count') === String(n), nearCount)
  assert.equal(await page.getByTestId('standings-count-near').textContent(), String(nearCount))
  assert.equal(await page.getByTestId('standings-card-near').getAttribute('aria-pressed'), 'true')
  await shot(page, 'browser-25-standings-near')
  await page.goBack()
  await dashboardReady(page)
  // A level card counts who holds the level: it leads to them.
  await page.getByTestId('dashboard-link-ace').click()
  await page.waitForFunction((n) => document.querySelector('[data-testid=standings-shown]')?.getAttribute('data-count') === String(n), count('ace'))
  assert.deepEqual([...new Set(await page.$$eval('[data-testid=standings-row]', (r) => r.map((x) => x.dataset.held)))], ['ace'])
  await shot(page, 'browser-25-standings-held-ace')
  await page.goBack()
  await dashboardReady(page)
  await page.getByTestId('dashboard-link-pending').click()
  await page.locator(`[data-testid=contributions-total][data-busy=false][data-year="${year}"]`).waitFor()
  assert.equal(await page.getByTestId('contributions-total').getAttribute('data-count'), String(pending))
  assert.deepEqual([...new Set(await page.$$eval('[data-testid=contribution-row]', (r) => r.map((x) => x.dataset.status)))], ['pending'])
  await shot(page, 'browser-25-contributions-pending')

  // Settings → Rules: a negative value is refused next to its box and
  // stays typed; a good one is saved and survives a reload.
  expectRefusal(page, 422, 'fields')
  await page.getByTestId('nav-settings').click()
  await page.locator('.n-tabs-tab[data-name=rules]').click()
  await page.getByTestId('rules-origin').waitFor()
  assert.equal(await page.getByTestId('rules-counts-forum_beans').textContent(), '每 2,000 PG 豆 = 100 分')
  const article = page.getByTestId('rules-points-article')
  assert.equal(await article.inputValue(), '20')
  await article.fill('-5')
  await article.blur()
  await page.getByTestId('rules-save').click()
  const articleRow = page.locator('[data-testid=rules-kind][data-key=article]')
  await articleRow.getByText('不能为负数', { exact: true }).waitFor()
  assert.equal(await article.inputValue(), '-5')
  await shot(page, 'browser-23-rules-invalid')
  await article.fill('30')
  await article.blur()
  await page.getByTestId('rules-save').click()
  await page.waitForFunction((y) => document.querySelector('[data-testid=rules-origin]')?.getAttribute('data-origin') === String(y), year)
  assert.match(await page.getByTestId('rules-origin').textContent(), new RegExp(`${year} 年的规则已单独保存`))

  await page.reload()
  await page.locator('.n-tabs-tab[data-name=rules]').click()
  await page.getByTestId('rules-points-article').waitFor()
  assert.equal(await page.getByTestId('rules-points-article').inputValue(), '30')
  await shot(page, 'browser-24-rules')

  // Copy to next year, then again: the second copy is refused, translated.
  expectRefusal(page, 409, 'rules_exist')
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('rules-year').locator('.n-base-selection').click()
    await page.getByTestId(`rules-year-${year}`).click()
    await page.waitForFunction((y) => document.querySelector('[data-testid=rules-origin]')?.getAttribute('data-origin') === String(y), year)
    await page.getByTestId('rules-copy').click()
    await page.getByTestId('rules-copy-dialog').waitFor()
    await page.getByTestId('rules-copy-confirm').click()
  }
  const refusal = page.getByTestId('rules-error')
  await refusal.waitFor()
  assert.equal(await refusal.textContent(), `${year + 1} 年的规则已经保存，不能用复制覆盖；请在 ${year + 1} 年直接修改`)

})
