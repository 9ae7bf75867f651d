// The door of an event in a real browser against a real `acedesk serve` on
// the demo database: register two members (an ACE and someone without a
// level), check one in and see the counts move, add a walk-in, see the ACE
// in the front row and print their place card; then issue and preview the
// event speakers' thanks certificates on the Certificates page, chosen by
// hand and through the drawer's shortcut, and the group leads' letters.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { at, expectRefusal, openPage, pickMember, pickOption, run, serve, shot, tempDB } from './lib.mjs'

const EVENT = '技术峰会全国行·杭州站'

async function counts(page) {
  const c = page.getByTestId('attendee-counts')
  return { registered: await c.getAttribute('data-registered'), checkedIn: await c.getAttribute('data-checked-in') }
}

async function waitCounts(page, registered, checkedIn) {
  await page.locator(`[data-testid=attendee-counts][data-registered="${registered}"][data-checked-in="${checkedIn}"]`).waitFor()
}

// canvasInk counts the non-white pixels pdf.js drew.
async function canvasInk(page) {
  await page.locator('[data-testid="cert-preview-canvas"][data-ready="yes"]').waitFor()
  return page.getByTestId('cert-preview-canvas').evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
    let ink = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++
    return ink
  })
}

test('register, check in, walk in, front row and place cards; thanks certificates for the speakers', async (t) => {
  const db = tempDB(t)
  const year = new Date().getFullYear()
  await run(['demo', '--db', db]) // last year's batches are published: their members hold levels this year

  // An ACE of last year's batches, and a member holding nothing.
  const holders = new Map()
  for (let q = 1; q <= 4; q++) {
    const b = JSON.parse(await run(['batch', 'preview', `${year - 1}-Q${q}`, '--json', '--db', db]))
    for (const e of b.entries ?? []) holders.set(e.member_id, e)
  }
  const ace = [...holders.values()].find((e) => e.level === 'ace')
  assert.ok(ace, 'the demo has an ACE')
  const roster = JSON.parse(await run(['members', 'list', '--json', '--db', db]))
  const other = roster.find((m) => !holders.has(m.id) && m.phone)
  assert.ok(other, 'the demo has a member without a level')

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/events'))

  const eventRow = page.getByTestId('event-row').filter({ hasText: EVENT })
  await eventRow.click()
  const eventId = await eventRow.getAttribute('data-event-id')
  await page.locator('.n-tabs-tab[data-name="attendees"]').click()
  await waitCounts(page, 0, 0)

  // Register two, one after the other.
  for (const m of [ace, other]) {
    await pickMember(page, 'attendee-picker', m.phone, m.name)
    await page.getByTestId('attendee-register').click()
    await page.locator(`[data-testid=attendee-row][data-member-id="${m.member_id ?? m.id}"]`).waitFor()
  }
  await waitCounts(page, 2, 0)
  const aceRow = page.locator(`[data-testid=attendee-row][data-member-id="${ace.member_id}"]`)
  assert.equal(await aceRow.locator('[data-level]').getAttribute('data-level'), 'ace')
  assert.match(await aceRow.textContent(), /\d{3}\*{4}\d{4}/, 'phones are masked')

  // Check the ACE in: the count moves, and the row says when and by whom.
  await aceRow.getByTestId('attendee-checkin').click()
  await page.locator(`[data-testid=attendee-row][data-member-id="${ace.member_id}"][data-checked-in=yes]`).waitFor()
  await waitCounts(page, 2, 1)
  assert.deepEqual(await counts(page), { registered: '2', checkedIn: '1' })
  assert.match(await page.locator('.n-tabs-tab[data-name="attendees"]').textContent(), /参会者（2）/)

  // A walk-in: a phone already on the roster is refused under the field,
  // then a new one is added and checked in.
  expectRefusal(page, 409, 'phone_taken')
  await page.getByTestId('walk-in-name').fill('赵现场')
  await page.getByTestId('walk-in-phone').fill(other.phone)
  await page.getByTestId('walk-in-submit').click()
  await page.getByTestId('walk-in-form').getByText(`已被成员「${other.name}」使用`).waitFor()
  await page.getByTestId('walk-in-phone').fill('139 1234 5678')
  await page.getByTestId('walk-in-submit').click()
  await waitCounts(page, 3, 2)
  const walked = page.getByTestId('attendee-row').filter({ hasText: '赵现场' })
  assert.equal(await walked.getAttribute('data-checked-in'), 'yes')
  assert.match(await walked.textContent(), /现场登记/)
  await page.waitForFunction(() => document.querySelectorAll('.n-message').length === 0)
  await shot(page, 'attendance-attendees')

  // The front row: the ACE only, and their place card.
  await page.locator('.n-tabs-tab[data-name="front"]').click()
  const front = page.getByTestId('front-row')
  await front.first().waitFor()
  assert.equal(await front.count(), 1)
  assert.equal(await front.first().getAttribute('data-level'), 'ace')
  assert.match(await front.first().textContent(), new RegExp(ace.name))
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-placecards').click()])
  assert.match(download.suggestedFilename(), /^placecards-\d+\.pdf$/)
  const pdf = await download.path()
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-')
  const text = execFileSync('pdftotext', [pdf, '-']).toString()
  assert.ok(text.includes(ace.name) && text.includes('PostgreSQL ACE'), `the card names ${ace.name} and the level: ${text}`)
  assert.ok(!text.includes(other.name), 'no card for a member without a level')
  await page.waitForFunction(() => document.querySelectorAll('.n-message').length === 0)
  await shot(page, 'attendance-front-row')

  // The events list counts check-ins next to the reported attendance.
  await page.getByTestId('close-event').click()
  const checked = eventRow.getByTestId('event-checked-in')
  await page.locator(`[data-testid=event-row][data-event-id="${eventId}"] [data-testid=event-checked-in][data-checked-in="2"]`).waitFor()
  assert.equal((await checked.textContent()).trim(), '2 / 3')

  // Certificates: pick the event speakers by hand, issue, preview.
  await page.goto(at(server.url, '/certificates'))
  await page.getByTestId('certificates-page').waitFor()
  await pickOption(page, 'cert-source', 'event')
  await pickOption(page, 'cert-year', year)
  await pickOption(page, 'cert-event', eventId)
  await page.getByTestId('cert-source-hint').filter({ hasText: /此活动有 \d+ 位演讲者/ }).waitFor()
  await page.getByTestId('cert-issue').click()
  await page.getByTestId('cert-issued').waitFor()
  const issued = await page.getByTestId('cert-print').textContent()
  assert.match(issued, /打印所选（[1-9]\d*）/, 'the issued certificates are selected for printing')
  const thanks = page.getByTestId('cert-row').filter({ hasText: '感谢状' })
  assert.ok((await thanks.count()) > 0)
  await page.waitForFunction(() => document.querySelectorAll('.n-message').length === 0)
  await shot(page, 'attendance-thanks-issued')
  await page.getByTestId('cert-preview-issued').click()
  assert.ok((await canvasInk(page)) > 1000, 'the preview shows a certificate')
  await shot(page, 'attendance-thanks-preview')
  await page.keyboard.press('Escape')
  await page.getByTestId('cert-preview-modal').waitFor({ state: 'detached' })

  // The drawer's shortcut opens the page on the same event.
  await page.goto(at(server.url, '/events'))
  await eventRow.click()
  await page.getByTestId('event-thanks-certificates').click()
  await page.getByTestId('certificates-page').waitFor()
  await page.locator(`[data-testid=cert-event][data-event-id="${eventId}"]`).waitFor()
  assert.equal(await page.getByTestId('cert-source').getAttribute('data-source'), 'event')
  assert.match(await page.getByTestId('cert-issue').textContent(), /为演讲者发感谢状/)

  // The other sources: last year's renewal, which the demo confirmed,
  // gives this year's honor certificates, and this year's group leads get
  // their appointment letters.
  await pickOption(page, 'cert-source', 'renewal')
  await pickOption(page, 'cert-year', year - 1)
  await page.getByTestId('cert-issue').filter({ hasText: `为 ${year - 1} 年末续期发证（${year} 年）` }).click()
  await page.locator('.n-message').filter({ hasText: /已发出 [1-9]\d* 张证书/ }).waitFor()
  await pickOption(page, 'cert-source', 'leads')
  await pickOption(page, 'cert-year', year)
  await page.getByTestId('cert-issue').filter({ hasText: `为 ${year} 年组长发聘书` }).click()
  await page.getByTestId('cert-row').filter({ hasText: '聘书' }).first().waitFor()
  await page.getByTestId('cert-preview-issued').click()
  assert.ok((await canvasInk(page)) > 1000, 'the preview shows an appointment letter')
  await shot(page, 'attendance-leads-preview')

})
