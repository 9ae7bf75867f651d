// The program pages in a real browser against a real `acedesk serve`: an
// event with a talk at a regional summit last year, its contribution
// approved on the Events page, the speaker's 200 points and Partner level
// on Standings, and the quarter's batch published on Batches & renewal;
// the command line then reads the batch as published with that member.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openPage, run, serve, shot, tempDB } from './lib.mjs'

const PARTNER = 'PostgreSQL ACE 伙伴'

// settled waits until no toast, menu, dialog or drawer is on screen, so a
// screenshot shows the page itself.
async function settled(page) {
  const shown = ['.n-message', '.n-base-select-menu', '.n-modal', '.n-drawer'].join(',')
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((e) => e.getClientRects().length === 0), shown)
}

// pickYear chooses year in one of the pages' year selects.
async function pickYear(page, testid, year) {
  await page.getByTestId(testid).locator('.n-base-selection').click()
  await page.getByTestId(`${testid}-${year}`).click()
}

// pickMember types into a member picker and chooses the member named name.
async function pickMember(page, testid, name) {
  await page.getByTestId(testid).locator('.n-base-selection').click()
  await page.getByTestId(`${testid}-input`).fill(name)
  await page.getByTestId(`${testid}-option`).filter({ hasText: name }).click()
}

test('a chapter lead records a summit talk, approves it, and publishes the quarter’s batch', async (t) => {
  const db = tempDB(t)
  const year = new Date().getFullYear() - 1
  const csv = join(dirname(db), 'members.csv')
  writeFileSync(csv, '姓名,手机,城市,单位\n王喆,13800000001,杭州,杭州某银行\n李堃,13800000002,南京,南京某大学\n张伟,13800000003,上海,上海某公司\n')
  await run(['import', 'members', csv, '--db', db])

  const server = await serve(db)
  let stopped = false
  t.after(() => (stopped ? undefined : server.stop()))
  const { page, pageErrors } = await openPage(t, server.url)
  await page.setViewportSize({ width: 1280, height: 800 })

  // Events: record a regional summit with one talk.
  await page.getByTestId('nav-events').click()
  await pickYear(page, 'events-year', year)
  await page.getByTestId('events-empty').waitFor()
  await page.getByTestId('add-event').click()
  await page.getByTestId('event-name').fill(`${year} 技术峰会全国行·杭州站`)
  await page.getByTestId('event-kind').click()
  await page.getByTestId('event-kind-regional_summit').click()
  const date = page.getByTestId('event-date').locator('input')
  await date.fill(`${year}-05-20`)
  await date.press('Enter')
  await page.getByTestId('event-city').fill('杭州')
  await page.getByTestId('event-attendance').locator('input').fill('180')
  await page.getByTestId('add-talk').click()
  await pickMember(page, 'talk-speaker-0', '王喆')
  await page.getByTestId('talk-title-0').fill('PostgreSQL 分区表实践')
  await page.getByTestId('save-event').click()

  const status = page.getByTestId('contribution-status')
  await page.locator('[data-testid=contribution-status][data-status=pending]').waitFor()
  assert.match(await status.textContent(), /待审核\s*200 分/)
  assert.equal(await page.getByTestId('event-talk-hint').textContent(), '演讲审核通过后计入「技术峰会全国行演讲」，每场 200 分')
  await shot(page, 'browser-20-event-drawer')

  // Approve the talk's contribution in place.
  await page.getByTestId('approve-contribution').click()
  await page.locator('[data-testid=contribution-status][data-status=approved]').waitFor()
  assert.match(await status.textContent(), /已通过\s*200 分/)
  assert.equal(await page.getByTestId('approve-contribution').count(), 0)
  await page.getByTestId('close-event').click()
  await page.getByTestId('event-row').waitFor()
  await settled(page)
  assert.match(await page.getByTestId('event-row').textContent(), /技术峰会全国行·杭州站.*技术峰会全国行.*杭州.*180.*1/)
  await shot(page, 'browser-21-events')

  // Standings: 200 points, Partner, and the reason in Chinese.
  await page.getByTestId('nav-standings').click()
  await pickYear(page, 'standings-year', year)
  const row = page.getByTestId('standings-row').filter({ hasText: '王喆' })
  await row.waitFor()
  assert.equal(await row.locator('.points').textContent(), '200')
  assert.equal((await row.getByTestId('standings-level-tag').textContent()).trim(), PARTNER)
  await row.getByText(`200 分 ≥ 200：${PARTNER}`, { exact: true }).waitFor()

  // Batches & renewal: the quarter of the talk is ready; publish it.
  await page.getByTestId('nav-levels').click()
  await pickYear(page, 'levels-year', year)
  const batch = page.locator(`[data-testid=batch-card][data-batch="${year}-Q2"]`)
  await batch.getByTestId('batch-entry').filter({ hasText: '王喆' }).waitFor()
  assert.match(await batch.getByTestId('batch-entry').textContent(), new RegExp(`${year}-05-20 积分达到 ${PARTNER}`))
  assert.equal(await page.locator(`[data-testid=batch-card][data-batch="${year}-Q1"] [data-testid=batch-blocked]`).getAttribute('data-code'), 'batch_empty')
  await settled(page)
  await shot(page, 'browser-22-levels-preview')
  await batch.getByTestId('publish-batch').click()
  const dialog = page.getByTestId('publish-dialog')
  await dialog.waitFor()
  assert.equal(await dialog.textContent(), `批次 ${year}-Q2 共 1 名新成员。发布后名单将冻结，更正需另行决定。`)
  await shot(page, 'browser-23-levels-publish-dialog')
  await page.getByTestId('confirm-publish').click()
  await page.locator(`[data-testid=batch-card][data-batch="${year}-Q2"][data-published=true]`).waitFor()
  assert.equal(await batch.getByTestId('publish-batch').count(), 0)
  await batch.getByTestId('batch-published-meta').waitFor()
  await settled(page)
  await shot(page, 'browser-24-levels-published')

  // Standings now show the level held from the batch.
  await page.getByTestId('nav-standings').click()
  await pickYear(page, 'standings-year', year)
  await row.getByTestId('standings-held-tag').waitFor()
  assert.equal((await row.getByTestId('standings-held-tag').textContent()).trim(), PARTNER)
  await settled(page)
  await shot(page, 'browser-25-standings-held')

  // Groups: a city group with its lead for the year, then the decisions tab.
  await page.getByTestId('nav-groups').click()
  await pickYear(page, 'groups-year', year)
  await page.getByTestId('groups-empty').waitFor()
  await page.getByTestId('add-group').click()
  await page.getByTestId('group-name').fill('南京用户组')
  await page.getByTestId('group-city').fill('南京')
  await pickMember(page, 'group-lead', '李堃')
  await page.getByTestId('save-group').click()
  const group = page.getByTestId('group-row').filter({ hasText: '南京用户组' })
  await group.getByTestId('group-lead-name').waitFor()
  assert.equal(await group.getByTestId('group-lead-name').textContent(), '李堃')
  await settled(page)
  await shot(page, 'browser-26-groups')
  await page.getByText('决定（0）').click()
  await page.getByTestId('add-decision').click()
  await pickMember(page, 'decision-member', '张伟')
  // A special grant offers Partner and ACE only: Director is by invitation.
  await page.getByTestId('decision-dialog').getByText(PARTNER, { exact: true }).click()
  await page.getByTestId('decision-level-ace').waitFor()
  assert.equal(await page.getByTestId('decision-level-director').count(), 0)
  await page.getByTestId('decision-level-partner').click()
  await page.getByTestId('save-decision').click()
  await page.getByTestId('decision-dialog').getByText('此项必填').waitFor()
  await page.getByTestId('decision-reason').fill('合著《PostgreSQL 实战》')
  await page.getByTestId('save-decision').click()
  await page.getByTestId('decision-row').filter({ hasText: '张伟' }).waitFor()
  await settled(page)
  await shot(page, 'browser-27-decisions')

  assert.deepEqual(pageErrors, [])

  // The command line, once the server has let go of the database.
  await server.stop()
  stopped = true
  const published = JSON.parse(await run(['batch', 'preview', `${year}-Q2`, '--json', '--db', db]))
  assert.equal(published.published, true)
  assert.deepEqual(published.entries.map((e) => [e.name, e.level]), [['王喆', 'partner']])
})
