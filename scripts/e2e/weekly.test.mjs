// The screens a chapter lead uses every week (issue 18), in a real browser
// against a real `acedesk serve` on the demo database: every column of the
// certificate list in sight at 1366 and 1280 px in both languages, a
// revoked certificate among them; an approved contribution corrected and
// its approval withdrawn, each with a reason, the standings following; the
// batches as one sortable table each; the event drawer's attendee table
// within the drawer; the phone desk naming a speaker who did not register.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { api, at, clearOfMidnight, demoWithCertificates, expectRefusal, openPage, pickOption, run, serve, settled, shot, tempDB, today, transitionsEnded } from './lib.mjs'

// columnsInSight fails unless every header cell of the table is all in
// the table's sight, none under the fixed actions column.
async function columnsInSight(page, testid, where) {
  await transitionsEnded(page)
  const hidden = await page.getByTestId(testid).evaluate((table) => {
    const sight = table.querySelector('.n-data-table-base-table-body, .n-data-table-base-table').getBoundingClientRect()
    const fixed = [...table.querySelectorAll('th.n-data-table-th--fixed-right')].map((th) => th.getBoundingClientRect())
    return [...table.querySelectorAll('th:not(.n-data-table-th--fixed-right)')]
      .filter((th) => {
        const r = th.getBoundingClientRect()
        return r.left < sight.left - 1 || r.right > sight.right + 1 || fixed.some((f) => r.right > f.left + 1)
      })
      .map((th) => th.textContent.trim())
  })
  assert.deepEqual(hidden, [], `${where}: columns out of sight or under the actions`)
}

// wordsWhole fails when one of words is drawn over two lines in an element
// matched by selector: "伙/伴", "Attendanc/e".
async function wordsWhole(page, selector, words, where) {
  await transitionsEnded(page)
  const broken = await page.evaluate(([sel, ws]) => {
    const out = []
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const w of ws) {
          for (let i = n.data.indexOf(w); i >= 0; i = n.data.indexOf(w, i + 1)) {
            const r = document.createRange()
            r.setStart(n, i)
            r.setEnd(n, i + w.length)
            const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)))
            if (tops.size > 1) out.push(`${w} in "${n.data}"`)
          }
        }
      }
    }
    return out
  }, [selector, words])
  assert.deepEqual(broken, [], `${where}: words broken over two lines`)
}

// english switches the UI to English in Settings, as a lead would.
async function english(page) {
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('settings-language').click()
  await page.getByText('English', { exact: true }).click()
  await page.getByTestId('save-settings').click()
  await page.getByText('Members', { exact: true }).first().waitFor()
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

test('the certificate list shows every column, a revoked certificate, at 1366 and 1280 px, in Chinese and in English', async (t) => {
  const db = await demoWithCertificates(t)
  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/certificates'), { width: 1366, height: 768 })

  const row = page.getByTestId('cert-row').first()
  await row.waitFor()
  const serial = await row.getAttribute('data-serial')
  await row.getByTestId('cert-revoke').click()
  await page.getByTestId('cert-revoke-reason').locator('textarea').fill('姓名有误，重新发证')
  await page.getByTestId('cert-revoke-confirm').click()
  const revoked = page.locator(`[data-testid=cert-row][data-serial="${serial}"] [data-testid=cert-revoked]`)
  await revoked.waitFor()
  await settled(page)

  for (const [lang, words] of [['zh-CN', ['伙伴', '打印次数', '发证日期']], ['en', ['Partner', 'Issued', 'Prints', 'certificate']]]) {
    if (lang === 'en') {
      await english(page)
      await page.getByTestId('nav-certificates').click()
      await revoked.waitFor()
    }
    for (const width of [1366, 1280]) {
      await page.setViewportSize({ width, height: 768 })
      await page.waitForFunction((w) => window.innerWidth === w, width)
      const where = `${lang} at ${width} px`
      await columnsInSight(page, 'cert-table', where)
      await wordsWhole(page, '[data-testid=cert-table]', words, where)
      // The revoked tag is seen, not under another column.
      const seen = await revoked.evaluate((tag) => {
        const r = tag.getBoundingClientRect()
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        return tag.contains(top) && r.right <= window.innerWidth
      })
      assert.ok(seen, `${where}: the revoked tag is in sight`)
      await shot(page, `weekly-certificates-${lang}-${width}`)
    }
  }
})

test('an approved contribution is corrected, then its approval withdrawn, each with a reason; the standings follow', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  const server = await serve(db)
  t.after(() => server.stop())
  const year = new Date().getFullYear()
  const { page } = await openPage(t, at(server.url, '/contributions?status=approved'), { width: 1366, height: 768 })
  expectRefusal(page, 422, 'fields')

  // An approved regional summit talk (200 points): it was a PG.Live stream.
  const rows = await api(server.url, 'service.ContributionService.List', { year, status: 'approved', member_id: 0, kind: 'talk_regional', text: '', offset: 0, limit: 1 })
  const talk = rows.items[0]
  assert.ok(talk, 'the demo year has an approved regional talk')
  const pointsOf = async () => (await api(server.url, 'service.StandingsService.ForYear', year)).find((r) => r.member_id === talk.member_id)?.points ?? 0
  const before = await pointsOf()

  await page.getByTestId('contributions-search').fill(talk.member_phone)
  const row = page.locator(`[data-testid=contribution-row][data-id="${talk.id}"]`)
  await row.locator('td[data-col-key=title]').click()
  const drawer = page.getByTestId('contribution-drawer')
  await page.locator('[data-testid=contribution-drawer][data-status=approved]').waitFor()
  await page.getByTestId('contribution-approved-note').waitFor()
  await pickOption(page, 'contribution-kind', 'talk_live')
  await page.getByTestId('save-contribution').click()
  await drawer.getByText('此项必填').waitFor()
  assert.equal(await pointsOf(), before, 'a refused correction changes nothing')
  await shot(page, 'weekly-contribution-reason-needed')

  await page.getByTestId('contribution-reason').fill('实为 PG.Live 直播，非峰会演讲')
  await page.getByTestId('save-contribution').click()
  const history = page.getByTestId('contribution-history')
  await history.getByText('理由：实为 PG.Live 直播，非峰会演讲').waitFor()
  assert.equal(await pointsOf(), before - 150)
  // The toast says so without covering the drawer's title.
  const toast = page.locator('.n-message').filter({ hasText: '已保存' })
  await toast.waitFor()
  const [tb, hb] = [await toast.boundingBox(), await drawer.locator('.n-drawer-header').boundingBox()]
  assert.ok(!overlap({ left: tb.x, right: tb.x + tb.width, top: tb.y, bottom: tb.y + tb.height },
    { left: hb.x, right: hb.x + hb.width, top: hb.y, bottom: hb.y + hb.height }), 'the toast leaves the drawer title in sight')
  await shot(page, 'weekly-contribution-corrected')

  await page.getByTestId('contribution-reason').fill('直播回放尚未上线，暂不计分')
  await page.getByTestId('withdraw-contribution').click()
  await page.locator('[data-testid=contribution-drawer][data-status=pending]').waitFor()
  await history.getByText('理由：直播回放尚未上线，暂不计分').waitFor()
  assert.equal(await pointsOf(), before - 200)
  await shot(page, 'weekly-contribution-withdrawn')
  const audit = await api(server.url, 'service.ContributionService.History', talk.id)
  assert.deepEqual(audit.slice(-2).map((e) => [e.action, e.reason]), [
    ['update', '实为 PG.Live 直播，非峰会演讲'],
    ['withdraw', '直播回放尚未上线，暂不计分'],
  ])
  await page.getByTestId('cancel-contribution').click()
  await settled(page)
  await row.and(page.locator('[data-status=pending]')).waitFor({ state: 'detached' })
})

test('batches: one sortable table each, no box to scroll, who is new and who rises; the event drawer and the phone desk', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  const server = await serve(db)
  t.after(() => server.stop())
  const year = new Date().getFullYear()
  const { browser: b, page } = await openPage(t, at(server.url, '/levels'), { width: 1366, height: 768 })

  // Last year: four published batches, every member in one table each,
  // and after them the supplementary batch that records arriving late
  // would fill, still empty.
  await pickOption(page, 'levels-year', year - 1)
  await page.locator(`[data-testid=batches][data-year="${year - 1}"][data-busy=false]`).waitFor()
  const cards = page.getByTestId('batch-card')
  assert.deepEqual(await cards.evaluateAll((c) => c.map((x) => x.dataset.batch)), [1, 2, 3, 4].map((q) => `${year - 1}-Q${q}`).concat(`${year - 1}-S1`))
  const s1 = page.locator(`[data-testid=batch-card][data-batch="${year - 1}-S1"]`)
  assert.equal(await s1.getAttribute('data-published'), 'false')
  await s1.getByTestId('batch-supplement').waitFor()
  assert.equal((await s1.locator('.card-none').textContent()).trim(), `第四季度批次发布后补录的记录带来新成员或升级时，列在这里`)
  assert.equal(await s1.getByTestId('publish-batch').isDisabled(), true)
  for (const card of await cards.all()) {
    const n = Number(await card.getByTestId('batch-count').getAttribute('data-count'))
    assert.equal(await card.getByTestId('batch-table').count(), n ? 1 : 0)
    assert.equal(await card.getByTestId('batch-entry').count(), n)
    const scrolls = await card.evaluate((c) => [...c.querySelectorAll('.n-scrollbar-container')].some((s) => s.scrollHeight > s.clientHeight + 1))
    assert.equal(scrolls, false, `${await card.getAttribute('data-batch')} has a box to scroll`)
  }
  // Sorted by the day they qualified; then by name, in pinyin order.
  const q4 = page.locator(`[data-testid=batch-card][data-batch="${year - 1}-Q4"]`)
  const days = await q4.locator('td[data-col-key=qualified_on] .date').allTextContents()
  assert.deepEqual(days, [...days].sort())
  const pinyin = new Intl.Collator('zh-CN').compare
  await q4.locator('th[data-col-key=name]').click()
  const names = await q4.locator('td[data-col-key=name]').allTextContents()
  assert.deepEqual(names, [...names].sort(pinyin).reverse(), 'a first click sorts by name, Z to A')
  await q4.locator('th[data-col-key=name]').click()
  assert.deepEqual(await q4.locator('td[data-col-key=name]').allTextContents(), [...names].sort(pinyin), 'a second click, A to Z')
  // New members and upgrades told apart, each upgrade with the level it rises from.
  const kinds = await q4.getByTestId('batch-entry').evaluateAll((r) => r.map((x) => x.dataset.kind))
  const count = q4.getByTestId('batch-count')
  assert.equal(await count.getAttribute('data-new'), String(kinds.filter((k) => k === 'new').length))
  assert.equal(await count.getAttribute('data-upgrade'), String(kinds.filter((k) => k === 'upgrade').length))
  for (const change of await q4.locator('[data-testid=batch-entry][data-kind=upgrade] .change').allTextContents()) {
    assert.match(change, /^(伙伴|ACE) → (ACE|总监)$/)
  }
  await shot(page, 'weekly-batches')

  // This year's quarter still running says from when it can be published.
  await pickOption(page, 'levels-year', year)
  await page.locator(`[data-testid=batches][data-year="${year}"][data-busy=false]`).waitFor()
  const open = page.locator('[data-testid=batch-blocked][data-code=quarter_open]')
  if (await open.count()) assert.match(await open.first().textContent(), /^自 \d{4}-\d{2}-\d{2} 起可发布$/)
  else assert.ok(['03-31', '06-30', '09-30', '12-31'].includes(today().slice(5)), 'only on a quarter\'s last day is none still to wait for')

  await clearOfMidnight()
  // An event today: a speaker who did not register, and a registered guest.
  const roster = await api(server.url, 'service.MemberService.Search', { text: '', archived: false, offset: 0, limit: 2 })
  const [speaker, guest] = roster.items
  const ev = await api(server.url, 'service.EventService.Save', {
    id: 0, version: 0, name: '天天象上·今天', kind: 'city_meetup', date: today(), city: '杭州', group_id: 0, attendance: 0, organizer_id: 0,
    talks: [{ member_id: speaker.id, title: 'PostgreSQL 17 新特性', contribution_id: 0 }],
  })
  await api(server.url, 'service.AttendeeService.Register', ev.id, guest.id)

  // The event drawer's attendee table stays within the drawer.
  await page.goto(at(server.url, '/events'))
  await page.locator(`[data-testid=event-row][data-event-id="${ev.id}"]`).click()
  await page.locator('.n-tabs-tab[data-name=attendees]').click()
  await page.getByTestId('attendee-row').first().waitFor()
  // Measured once the drawer has slid in and the table has laid out its
  // rows (two at a time, the tests can get here first): a table that runs
  // past the drawer for good fails after 5 s.
  const fits = await page
    .waitForFunction(() => {
      const table = document.querySelector('[data-testid=attendee-table]')
      const body = table.closest('.n-drawer-body-content-wrapper').getBoundingClientRect()
      const inner = table.querySelector('table').getBoundingClientRect()
      return inner.right <= body.right && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)
    }, null, { timeout: 5000 })
    .then(() => true, () => false)
  assert.ok(fits, 'the attendee table runs past the drawer')
  await shot(page, 'weekly-event-attendees')

  // The phone desk names the speaker, who is not an attendee.
  const phone = await b.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  await phone.goto(at(server.url, '/desk'))
  await phone.getByTestId('desk-event-name').filter({ hasText: '天天象上·今天' }).waitFor()
  await phone.locator('.n-tabs-tab[data-name=speakers]').click()
  await phone.locator(`[data-testid=desk-speaker][data-member-id="${speaker.id}"]`).getByText(speaker.name, { exact: true }).waitFor()
  await shot(phone, 'weekly-desk-speakers')
})

test('a record that arrives after the renewal is confirmed: the amendment is shown, confirmed, and kept; the supplementary batch lists it', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db]) // the demo confirms last year's renewal
  const server = await serve(db)
  t.after(() => server.stop())
  const last = new Date().getFullYear() - 1
  assert.equal((await api(server.url, 'service.LevelService.Renewal', last)).confirmed, true)

  // A member with no level last year gets a regional summit talk of last
  // year (200 points: Partner), entered and approved only now.
  const standings = await api(server.url, 'service.StandingsService.ForYear', last)
  const member = standings.find((r) => r.level === 'none' && (r.held || 'none') === 'none')
  assert.ok(member, 'the demo has a member with no level last year')
  const c = await api(server.url, 'service.ContributionService.Create', {
    id: 0, member_id: member.member_id, kind: 'talk_regional', date: `${last}-11-20`, quantity: 1, title: '华东峰会：逻辑复制实战',
    evidence: '', status: 'pending', override_reason: '', event_id: 0, version: 0,
  })
  await api(server.url, 'service.ContributionService.Approve', c.id, c.version)

  const { page } = await openPage(t, at(server.url, '/levels'), { width: 1366, height: 768 })
  await pickOption(page, 'levels-year', last)
  await page.locator(`[data-testid=batches][data-year="${last}"][data-busy=false]`).waitFor()

  // The supplementary batch lists the late record's new member, marked late.
  const s1 = page.locator(`[data-testid=batch-card][data-batch="${last}-S1"]`)
  await s1.getByTestId('batch-supplement').waitFor()
  const late = s1.locator(`[data-testid=batch-entry][data-member-id="${member.member_id}"]`)
  await late.getByTestId('batch-entry-late').waitFor()
  assert.equal(await late.getAttribute('data-kind'), 'new')
  assert.equal(await s1.getByTestId('publish-batch').isDisabled(), false)
  await s1.scrollIntoViewIfNeeded()
  await shot(page, 'weekly-batch-supplement')

  // The confirmed renewal warns of the amendment: who, from what to what.
  const pending = page.getByTestId('renewal-pending')
  await pending.waitFor()
  assert.equal(await pending.getAttribute('data-count'), '1')
  assert.match(await pending.textContent(), new RegExp(`续期确认后，有 1 人的 ${last + 1} 年级别需要更正`))
  const row = pending.locator(`[data-testid=amendment-entry][data-member-id="${member.member_id}"]`)
  assert.equal(await row.getAttribute('data-was'), 'none')
  assert.equal(await row.getAttribute('data-to'), 'partner')
  await row.getByText(member.name, { exact: true }).waitFor()
  await row.getByText(`${member.points + 200} 分 ≥ 200：PostgreSQL ACE 伙伴`).waitFor()
  await pending.scrollIntoViewIfNeeded()
  await shot(page, 'weekly-renewal-pending')

  // Confirmed with a confirmation: the warning goes, the amendment stays listed.
  await page.getByTestId('confirm-amendments-button').click()
  await page.getByTestId('amendments-dialog').waitFor()
  await shot(page, 'weekly-renewal-amend-dialog')
  await page.getByTestId('confirm-amendments').click()
  await pending.waitFor({ state: 'detached' })
  const kept = page.getByTestId('renewal-amendment')
  await kept.waitFor()
  assert.equal(await kept.getAttribute('data-count'), '1')
  assert.match(await kept.textContent(), /由 .+ 确认更正 1 人/)
  await kept.getByText(member.name, { exact: true }).waitFor()
  const r = await api(server.url, 'service.LevelService.Renewal', last)
  assert.deepEqual([r.pending.length, r.amendments.length], [0, 1])
  const next = await api(server.url, 'service.StandingsService.ForYear', last + 1)
  assert.equal(next.find((x) => x.member_id === member.member_id)?.held, 'partner', 'the member holds Partner next year')
  await settled(page)
  await kept.scrollIntoViewIfNeeded()
  await shot(page, 'weekly-renewal-amended')
})
