// The contributions page in a real browser against a real `acedesk serve`:
// fast entry of two talks by keyboard with the points preview, approving
// one, and importing a small CSV through the dialog; the command line's
// standings then show exactly the approved points.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openPage, run, serve, shot, tempDB } from './lib.mjs'

const pointsOf = (standings, id) => standings.find((r) => r.member_id === id)?.points ?? 0

// enter types one contribution the way a lead would: the member by phone
// and Enter, the title and Enter. The kind stays from the previous entry.
async function enter(page, member, title) {
  const search = page.getByTestId('entry-member-input')
  await search.fill(member.phone)
  await page.getByTestId(`entry-member-option-${member.id}`).waitFor()
  await search.press('Enter')
  // Choosing the member moves the cursor on to the title.
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'entry-title')
  await page.keyboard.type(title)
  await page.keyboard.press('Enter')
  // Saved: the form is cleared and the cursor is back on the member search.
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'entry-member-input' &&
      document.querySelector('[data-testid=entry-title]')?.value === '',
  )
}

test('a chapter lead enters, approves and imports contributions', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  // The CLI first: the database can only be opened by one process.
  const roster = JSON.parse(await run(['members', 'list', '--json', '--db', db]))
  const [speaker, writer] = roster
  const before = JSON.parse(await run(['standings', '--json', '--db', db]))
  const year = new Date().getFullYear()
  const csv = join(dirname(db), '贡献导入.csv')
  writeFileSync(csv, `手机,类型,日期,标题\n${writer.phone},公众号首发文章,${year}-02-14,E2E 导入的文章\n`)

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, server.url)
  await page.getByTestId('nav-contributions').click()
  await page.getByTestId('contributions-table').waitFor()
  // The table shows before the year's first answer; the count and the window title with it.
  await page.locator('[data-testid=contributions-total][data-busy=false]').waitFor()
  assert.match(await page.title(), /^贡献记录 \(\d+\) — ACE Desk$/)

  await page.getByTestId('open-entry').click()
  await page.getByTestId('entry-form').waitFor()
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'entry-member-input')
  // The kind once; it stays for the entries that follow.
  await page.getByTestId('entry-kind').locator('.n-base-selection').click()
  await page.getByTestId('entry-kind-talk_live').click()
  await page.getByTestId('entry-member-input').fill(speaker.phone)
  await page.getByTestId(`entry-member-option-${speaker.id}`).waitFor()
  await page.getByTestId('entry-member-input').press('Enter')
  await page.waitForFunction(() => document.querySelector('[data-testid=entry-points]')?.getAttribute('data-points') === '50')
  assert.match(await page.getByTestId('entry-points').textContent(), /预计积分\s*50\s*分/)
  await page.getByTestId('entry-title').fill('E2E 直播一')
  await shot(page, 'browser-20-contribution-entry')
  await page.getByTestId('entry-title').press('Enter')
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'entry-member-input')
  await enter(page, speaker, 'E2E 直播二')

  // Both are pending; approve the first.
  await page.getByTestId('contributions-search').fill('E2E 直播')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=contribution-row][data-status=pending]').length === 2)
  await shot(page, 'browser-21-contributions-pending')
  const first = page.locator('[data-testid=contribution-row]', { hasText: 'E2E 直播一' })
  await first.getByTestId('contribution-approve').click()
  await page.locator('[data-testid=contribution-row][data-status=approved]', { hasText: 'E2E 直播一' }).waitFor()
  assert.equal(await page.locator('[data-testid=contribution-row][data-status=pending]', { hasText: 'E2E 直播二' }).count(), 1)
  await page.getByTestId('contributions-search').fill('')

  // Import: the dry run first, every row with its outcome, then the import.
  await page.getByTestId('open-import').click()
  await page.getByTestId('import-file').setInputFiles(csv)
  await page.waitForFunction(() => document.querySelector('[data-testid=import-summary]')?.getAttribute('data-new') === '1')
  const importRow = page.locator('[data-testid=import-row][data-row="2"][data-outcome=new]')
  await importRow.waitFor()
  assert.match(await importRow.textContent(), new RegExp(`${writer.name}.*公众号首发文章.*E2E 导入的文章.*20 分`))
  await shot(page, 'browser-22-contribution-import')
  await page.getByTestId('import-apply').click()
  await page.getByTestId('import-summary').waitFor({ state: 'detached' })
  await page.getByTestId('contributions-search').fill('E2E 导入')
  await page.locator('[data-testid=contribution-row][data-status=approved]', { hasText: 'E2E 导入的文章' }).waitFor()
  await page.getByTestId('contributions-search').fill('')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=contribution-row]').length > 1 &&
    document.querySelector('[data-testid=contributions-total]')?.getAttribute('data-busy') === 'false')
  await shot(page, 'browser-23-contributions')

  await server.stop()
  const after = JSON.parse(await run(['standings', '--json', '--db', db]))
  assert.equal(pointsOf(after, speaker.id), pointsOf(before, speaker.id) + 50, 'only the approved talk counts')
  assert.equal(pointsOf(after, writer.id), pointsOf(before, writer.id) + 20, 'the imported article counts')
})
