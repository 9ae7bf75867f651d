// Every page and every dialog a chapter lead opens, in Chinese and in
// English, at 1366x768 (a small laptop) and the phone pages at 390x844, on
// the demo database: each one screenshotted and checked with axe-core (shot
// does both), with no serious or critical violation and no console error.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { api, at, browser, clearOfLabels, clearOfMidnight, demoWithCertificates, serve, settled, shot, today } from './lib.mjs'

const tab = (page, name) => page.locator(`.n-tabs-tab[data-name="${name}"]`).first().click()

// unbroken fails when a date in a table cell is split over two lines, as
// "2026-01-/02" was in the English batch reasons.
async function unbroken(page, where) {
  const broken = await page.evaluate(() => {
    const out = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('td') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    })
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.textContent.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
        const r = document.createRange()
        r.setStart(n, m.index)
        r.setEnd(n, m.index + m[0].length)
        const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)))
        if (lines.size > 1) out.push(m[0])
      }
    }
    return out
  })
  assert.deepEqual(broken, [], `dates broken over two lines on ${where}`)
}

// latinQuotes fails when English text draws its quotation marks from a
// Chinese font, a full em wide: "Paired as “ This computer ” ".
async function latinQuotes(page, where) {
  const wide = await page.evaluate(() => {
    if (document.documentElement.lang !== 'en') return []
    const out = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const size = parseFloat(getComputedStyle(n.parentElement).fontSize)
      for (const m of n.textContent.matchAll(/[“”‘’]/g)) {
        const r = document.createRange()
        r.setStart(n, m.index)
        r.setEnd(n, m.index + 1)
        const w = r.getBoundingClientRect().width
        if (w > 0.6 * size) out.push(`${n.textContent.trim().slice(0, 40)}: ${m[0]} ${Math.round(w)} px at ${size} px`)
      }
    }
    return out
  })
  assert.deepEqual(wide, [], `full-width quotation marks in English on ${where}`)
}

// placeholdersFit fails when a field's placeholder is cut off by its box:
// a hint the user cannot read whole belongs under the field.
async function placeholdersFit(page, where) {
  const cut = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')
    const out = []
    for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      if (!el.placeholder || el.getClientRects().length === 0 || el.value) continue
      const cs = getComputedStyle(el)
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
      const need = ctx.measureText(el.placeholder).width
      if (el.tagName === 'INPUT' && need > room + 1) out.push(`${el.placeholder}: ${Math.round(need)} px in ${Math.round(room)} px`)
    }
    return out
  })
  assert.deepEqual(cut, [], `placeholders cut off on ${where}`)
}

// A dialog opened by a click, looked at, then closed with its Cancel
// button, or with Escape.
async function dialog(page, name, open, shown, close = () => page.keyboard.press('Escape')) {
  await open()
  await page.locator(shown).first().waitFor()
  await shot(page, name)
  await unbroken(page, name)
  await clearOfLabels(page, name)
  await latinQuotes(page, name)
  await placeholdersFit(page, name)
  await close()
  await settled(page)
}

// tourOf visits every page of the sidebar and opens its dialogs, naming
// each screenshot tour-<lang>-<page>[-<dialog>].
async function tourOf(page, url, lang) {
  const name = (what) => `tour-${lang}-${what}`
  const visit = async (route, ready) => {
    await page.goto(at(url, `/${route}`))
    await page.locator(ready).first().waitFor()
    // A page may load twice (the language arrives with the settings).
    await page.waitForLoadState('networkidle')
    await shot(page, name(route))
    await unbroken(page, name(route))
    await clearOfLabels(page, name(route))
    await latinQuotes(page, name(route))
    await placeholdersFit(page, name(route))
  }
  const cancel = () => page.locator('.n-modal .n-button, .n-dialog .n-button').filter({ hasText: lang === 'en' ? 'Cancel' : '取消' }).first().click()

  await visit('dashboard', '[data-testid=dashboard][data-busy=false]')

  await visit('members', '[data-testid=member-row]')
  await dialog(page, name('members-add'), () => page.getByTestId('add-member').click(), '[data-testid=member-form]', () => page.getByTestId('cancel-member').click())
  await dialog(page, name('members-edit'), () => page.getByTestId('row-edit').first().click(), '[data-testid=member-history] .n-timeline', () => page.getByTestId('cancel-member').click())
  await dialog(page, name('members-import'), () => page.getByTestId('open-import').click(), '.n-modal')

  await visit('contributions', '[data-testid=contribution-row]')
  await dialog(page, name('contributions-entry'), () => page.getByTestId('open-entry').click(), '[data-testid=entry-form]', () => page.getByTestId('entry-close').click())
  await dialog(page, name('contributions-drawer'), () => page.locator('[data-testid=contribution-row][data-status=approved] td[data-col-key=title]').first().click(),
    '[data-testid=contribution-history] .n-timeline', () => page.getByTestId('cancel-contribution').click())
  await dialog(page, name('contributions-import'), () => page.getByTestId('open-import').click(), '.n-modal')

  await visit('events', '[data-testid=event-row]')
  await dialog(page, name('events-new'), () => page.getByTestId('add-event').click(), '[data-testid=event-drawer-today]')
  await page.getByTestId('event-row').first().click()
  await page.getByTestId('event-form').waitFor()
  await shot(page, name('events-drawer'))
  await tab(page, 'attendees')
  await page.getByTestId('attendees').waitFor()
  await shot(page, name('events-attendees'))
  await tab(page, 'front')
  await page.getByTestId('front-row-list').waitFor()
  await shot(page, name('events-front-row'))
  await page.keyboard.press('Escape')
  await settled(page)

  await visit('groups', '[data-testid=group-row]')
  await dialog(page, name('groups-add'), () => page.getByTestId('add-group').click(), '[data-testid=group-dialog]', cancel)
  await dialog(page, name('groups-edit'), () => page.getByTestId('edit-group').first().click(), '[data-testid=group-dialog]', cancel)
  await tab(page, 'decisions')
  await page.getByTestId('add-decision').waitFor()
  await shot(page, name('groups-decisions'))
  await dialog(page, name('groups-decision-add'), () => page.getByTestId('add-decision').click(), '[data-testid=decision-dialog]', cancel)

  await visit('standings', '[data-testid=standings-row]')
  await visit('levels', '[data-testid=batches][data-busy=false] [data-testid=batch-entry]')
  await dialog(page, name('levels-publish'), () => page.locator('[data-testid=publish-batch]:not([disabled])').first().click(), '[data-testid=publish-dialog]',
    () => page.getByTestId('cancel-publish').click())

  await visit('certificates', '[data-testid=cert-row]')
  await dialog(page, name('certificates-revoke'), () => page.getByTestId('cert-revoke').first().click(), '[data-testid=cert-revoke-dialog]', cancel)
  await dialog(page, name('certificates-preview'), () => page.getByTestId('cert-preview').first().click(), '[data-testid=cert-preview-canvas][data-ready=yes]')

  await visit('trophies', '[data-testid=trophy-row]')
  await dialog(page, name('trophies-export-warning'), () => page.getByTestId('trophy-export-pdf').click(), '[data-testid=trophy-export-warning]', cancel)
  await tab(page, 'benefits')
  await page.getByTestId('benefit-row').first().waitFor()
  await shot(page, name('trophies-benefits'))

  await visit('verify', '[data-testid=verify-payload]')
  await visit('exchange', '[data-testid=exchange-page]')
  await visit('settings', '[data-testid=system-info]')
  for (const pane of ['rules', 'certs', 'lan']) {
    await tab(page, pane)
    await page.locator(`.n-tab-pane[data-name="${pane}"], .n-tabs-pane-wrapper`).first().waitFor()
    await settled(page)
    await shot(page, name(`settings-${pane}`))
  }
}

// The phone pages as a phone shows them: the desk on today's event, the
// pairing page and the public certificate check.
async function phoneTourOf(b, url, lang) {
  const phone = await b.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  await phone.goto(at(url, '/desk'))
  await phone.getByTestId('desk-event-name').waitFor()
  await shot(phone, `tour-${lang}-phone-desk`)
  for (const pane of ['walkIn', 'frontRow', 'speakers']) {
    await tab(phone, pane)
    await settled(phone)
    await shot(phone, `tour-${lang}-phone-desk-${pane}`)
  }
  await phone.goto(at(url, '/pair'))
  await phone.getByTestId('pair-page').waitFor()
  await shot(phone, `tour-${lang}-phone-pair`)
  await clearOfLabels(phone, `tour-${lang}-phone-pair`)
  await latinQuotes(phone, `tour-${lang}-phone-pair`)
  await placeholdersFit(phone, `tour-${lang}-phone-pair`)
  await phone.goto(at(url, '/check'))
  await phone.getByTestId('check-page').waitFor()
  await shot(phone, `tour-${lang}-phone-check`)
  await phone.close()
}

test('every page and dialog, in Chinese and in English, on a laptop and a phone: accessible, no console error', async (t) => {
  const db = await demoWithCertificates(t)
  const server = await serve(db)
  t.after(() => server.stop())
  await clearOfMidnight()
  // Today's event for the desk, with a talk and a registered guest.
  const { items: [speaker, guest] } = await api(server.url, 'service.MemberService.Search', { text: '', archived: false, offset: 0, limit: 2 })
  const ev = await api(server.url, 'service.EventService.Save', {
    id: 0, version: 0, name: '天天象上·今天', kind: 'city_meetup', date: today(), city: '杭州', group_id: 0, attendance: 0, organizer_id: 0,
    talks: [{ member_id: speaker.id, title: 'PostgreSQL 17 新特性', contribution_id: 0 }],
  })
  await api(server.url, 'service.AttendeeService.Register', ev.id, guest.id)

  const b = await browser(t)
  const page = await b.newPage({ viewport: { width: 1366, height: 768 } })
  for (const lang of ['zh-CN', 'en']) {
    const settings = await api(server.url, 'service.SettingsService.Get')
    await api(server.url, 'service.SettingsService.Save', { ...settings, language: lang })
    await page.goto(at(server.url, '/dashboard'))
    await page.reload()
    await tourOf(page, server.url, lang)
    await phoneTourOf(b, server.url, lang)
  }
})
