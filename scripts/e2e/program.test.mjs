// The program pages in a real browser against a real `acedesk serve`: a new
// event dated today on the hub's clock, then an event with a talk at a
// regional summit last year, its contribution approved on the Events page,
// the speaker's 200 points and Partner level on Standings, and the
// quarter's batch published on Batches & renewal; groups with their leads'
// start dates and an industry group's December report, typed and edited;
// the command line then reads the batch as published with that member.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expectRefusal, openPage, pickMember, pickOption, run, serve, settled, shot, tempDB, today } from './lib.mjs'

const PARTNER = 'PostgreSQL ACE 伙伴'

// typeDate types a date into one of the forms' date fields, as a lead does.
async function typeDate(page, testid, date) {
  const input = page.getByTestId(testid).locator('input')
  await input.fill(date)
  await input.press('Enter')
  await page.waitForFunction(([id, want]) => document.querySelector(`[data-testid=${id}] input`)?.value === want, [testid, date])
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
  const { page } = await openPage(t, server.url)
  await page.setViewportSize({ width: 1280, height: 800 })

  // Events: record a regional summit with one talk.
  await page.getByTestId('nav-events').click()
  await pickOption(page, 'events-year', year)
  await page.getByTestId('events-empty').waitFor()
  // A new event is dated today on the hub's clock, whatever year the page
  // shows, and the drawer says the day in full.
  const before = today()
  await page.getByTestId('add-event').click()
  const date = page.getByTestId('event-date').locator('input')
  await page.locator('[data-testid=event-drawer-today]').waitFor()
  const dated = await date.inputValue()
  assert.ok([before, today()].includes(dated), `a new event is dated ${dated}, want today (${before})`)
  assert.equal(await page.getByTestId('event-drawer-date').getAttribute('data-date'), dated)
  const [y, m, d] = dated.split('-').map(Number)
  assert.match(await page.getByTestId('event-drawer-date').textContent(), new RegExp(`^${y}年${m}月${d}日星期.$`))
  await shot(page, 'browser-19-event-new-today')
  await page.getByTestId('event-name').fill(`${year} 技术峰会全国行·杭州站`)
  await page.getByTestId('event-kind').click()
  await page.getByTestId('event-kind-regional_summit').click()
  await date.fill(`${year}-05-20`)
  await date.press('Enter')
  await page.locator('[data-testid=event-drawer-date][data-date="' + `${year}-05-20` + '"]').waitFor()
  assert.equal(await page.getByTestId('event-drawer-today').count(), 0)
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
  await pickOption(page, 'standings-year', year)
  const row = page.getByTestId('standings-row').filter({ hasText: '王喆' })
  await row.waitFor()
  assert.equal(await row.locator('.points').textContent(), '200')
  assert.equal((await row.getByTestId('standings-level-tag').textContent()).trim(), PARTNER)
  await row.getByText(`200 分 ≥ 200：${PARTNER}`, { exact: true }).waitFor()

  // Batches & renewal: the quarter of the talk is ready; publish it.
  await page.getByTestId('nav-levels').click()
  await pickOption(page, 'levels-year', year)
  const batch = page.locator(`[data-testid=batch-card][data-batch="${year}-Q2"]`)
  await batch.getByTestId('batch-entry').filter({ hasText: '王喆' }).waitFor()
  assert.match(await batch.getByTestId('batch-entry').textContent(), new RegExp(`${year}-05-20 积分达到 ${PARTNER}`))
  assert.equal(await page.locator(`[data-testid=batch-card][data-batch="${year}-Q1"] [data-testid=batch-blocked]`).getAttribute('data-code'), 'batch_empty')
  await settled(page)
  await shot(page, 'browser-22-levels-preview')
  await batch.getByTestId('publish-batch').click()
  const dialog = page.getByTestId('publish-dialog')
  await dialog.waitFor()
  assert.equal(await dialog.textContent(), `批次 ${year}-Q2 共 1 人（新成员 1，升级 0）。发布后名单将冻结，更正需另行决定。`)
  await shot(page, 'browser-23-levels-publish-dialog')
  await page.getByTestId('confirm-publish').click()
  await page.locator(`[data-testid=batch-card][data-batch="${year}-Q2"][data-published=true]`).waitFor()
  assert.equal(await batch.getByTestId('publish-batch').count(), 0)
  await batch.getByTestId('batch-published-meta').waitFor()
  await settled(page)
  await shot(page, 'browser-24-levels-published')

  // Standings now show the level held from the batch.
  await page.getByTestId('nav-standings').click()
  await pickOption(page, 'standings-year', year)
  await row.getByTestId('standings-held-tag').waitFor()
  assert.equal((await row.getByTestId('standings-held-tag').textContent()).trim(), PARTNER)
  await settled(page)
  await shot(page, 'browser-25-standings-held')

  // Groups: a city group with its lead for the year, then the decisions tab.
  await page.getByTestId('nav-groups').click()
  await pickOption(page, 'groups-year', year)
  await page.getByTestId('groups-empty').waitFor()
  await page.getByTestId('add-group').click()
  await page.getByTestId('group-name').fill('南京用户组')
  await page.getByTestId('group-city').fill('南京')
  await pickMember(page, 'group-lead', '李堃')
  await typeDate(page, 'group-lead-since', `${year}-03-01`)
  await page.getByTestId('save-group').click()
  const group = page.getByTestId('group-row').filter({ hasText: '南京用户组' })
  await group.getByTestId('group-lead-name').waitFor()
  assert.equal(await group.getByTestId('group-lead-name').textContent(), '李堃')
  assert.match(await group.textContent(), new RegExp(`${year}-03-01`))

  // An industry group: its lead's start and its December report, typed in
  // the dialog's date fields, then changed in 编辑工作组.
  await page.getByTestId('add-group').click()
  await pickOption(page, 'group-committee', 'industry')
  await page.getByTestId('group-name').fill('金融行业组')
  await pickMember(page, 'group-lead', '张伟')
  await typeDate(page, 'group-lead-since', `${year}-02-15`)
  await typeDate(page, 'group-report-date', `${year}-12-18`)
  await page.getByTestId('group-dialog').getByPlaceholder('例如：金融行业 PostgreSQL 应用报告').fill(`${year} 金融行业 PostgreSQL 应用报告`)
  await shot(page, 'browser-26-group-industry-dialog')
  await page.getByTestId('save-group').click()
  const industry = page.getByTestId('group-row').filter({ hasText: '金融行业组' })
  await industry.getByText(`${year}-12-18`).waitFor()
  await industry.getByTestId('edit-group').click()
  assert.equal(await page.getByTestId('group-report-date').locator('input').inputValue(), `${year}-12-18`)
  assert.equal(await page.getByTestId('group-lead-since').locator('input').inputValue(), `${year}-02-15`)
  await typeDate(page, 'group-report-date', `${year}-12-28`)
  await shot(page, 'browser-26-group-edit-dialog')
  await page.getByTestId('save-group').click()
  await industry.getByText(`${year}-12-28`).waitFor()
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
  expectRefusal(page, 422, 'fields')
  await page.getByTestId('save-decision').click()
  await page.getByTestId('decision-dialog').getByText('此项必填').waitFor()
  await page.getByTestId('decision-reason').fill('合著《PostgreSQL 实战》')
  await page.getByTestId('save-decision').click()
  await page.getByTestId('decision-row').filter({ hasText: '张伟' }).waitFor()
  await settled(page)
  await shot(page, 'browser-27-decisions')


  // The command line, once the server has let go of the database.
  await server.stop()
  stopped = true
  const published = JSON.parse(await run(['batch', 'preview', `${year}-Q2`, '--json', '--db', db]))
  assert.equal(published.published, true)
  assert.deepEqual(published.entries.map((e) => [e.name, e.level]), [['王喆', 'partner']])
})
