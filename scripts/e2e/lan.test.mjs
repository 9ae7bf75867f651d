// LAN mode in real browsers against a real `acedesk serve --lan`: the hub's
// own browser on loopback (local admin) and phones in a network namespace
// the test makes, joined to this machine by a veth pair whose host end the
// hub listens on: the server sees them as devices on a LAN, and nothing
// leaves this machine. Two desks
// pair, one checks someone in and the other sees it (and is refused when it
// tries the same), an attendee's QR from the hub's attendees panel found by
// a photo on the phone, walk-in and a speaker's thanks certificate from the
// phone; the hub revokes a desk, whose next action sends it to pairing with
// the reason; a viewer is refused a change; anyone verifies that certificate on /check with no session.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { BIN, api, at, browser, clearOfMidnight, expectConsole, expectRefusal, localAuth, netns, run, shot, tempDB, today } from './lib.mjs'

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
const EVENT = '局域网签到演练'

// serveLan starts `acedesk serve --lan` with the hub's browser on a free
// loopback port and the LAN on a free port of ip, for a chapter that has
// set its code; resolves once it has printed them with the LAN URL, the
// desk pairing code and (with --tls) the certificate's fingerprint.
async function serveLan(t, db, ip, extra = []) {
  await run(['setup', '--chapter', 'HZ', '--db', db])
  const args = ['serve', '--lan', '--listen', `${ip}:0`, '--local', '127.0.0.1:0', '--db', db, ...extra]
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise((resolve) => proc.on('exit', resolve))
  t.after(async () => {
    proc.kill('SIGTERM')
    await exited
  })
  return new Promise((resolve, reject) => {
    const out = {}
    let fingerprintNext = false
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (fingerprintNext) out.fingerprint = line.trim()
      fingerprintNext = /certificate fingerprint/.test(line)
      const local = line.match(/browser mode: (http:\/\/\S+)/)
      if (local) out.local = local[1]
      const lan = line.match(/^\s+(https?:\/\/\S+\/)$/)
      if (lan && !out.lan) out.lan = lan[1]
      const code = line.match(/desk pairing code: (\d{6})/)
      if (code && out.local && out.lan) resolve({ ...out, code: code[1] })
    })
    proc.on('exit', (code) => reject(new Error(`acedesk serve --lan exited ${code}: ${stderr}`)))
  })
}

// unpaired: a device with no session asks for one first and is told it has
// none (401): the way to the pair page, not an error.
const unpaired = (page) => expectConsole(page, /server responded with a status of 401 \(Unauthorized\)/)

// noSideScroll: a phone page must fit its width.
async function noSideScroll(page, what) {
  const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }))
  assert.ok(sw <= iw, `${what}: page is ${sw}px wide in a ${iw}px viewport`)
}

// newCode makes a pairing code for role on the hub's Settings page.
async function newCode(hub, role) {
  await hub.getByTestId(`lan-role-${role}`).click()
  const before = await hub.getByTestId('lan-code').textContent().catch(() => '')
  await hub.getByTestId('lan-new-code').click()
  const box = hub.locator(`[data-testid=lan-code-box][data-role="${role}"]`)
  await box.waitFor()
  await hub.waitForFunction((old) => {
    const c = document.querySelector('[data-testid=lan-code]')?.textContent ?? ''
    return /^\d{6}$/.test(c) && c !== old
  }, before)
  return hub.getByTestId('lan-code').textContent()
}

async function pair(page, url, code, device) {
  await page.goto(at(url, `/pair?code=${code}`))
  assert.equal(await page.getByTestId('pair-code').inputValue(), code, 'the code comes from the scanned URL')
  await page.getByTestId('pair-device').fill(device)
  await page.getByTestId('pair-submit').click()
}

// tab opens one of the desk's tabs by its exact label.
const tab = (page, label) => page.locator('.n-tabs-tab').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).click()

async function findOnDesk(page, text) {
  await page.getByTestId('desk-search').fill(text)
  await page.getByTestId('desk-search-go').click()
}

test('pair phones as desks, check in from one and see it on the other, revoke, and verify a certificate with no session', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db, '--members', '60'])
  const roster = JSON.parse(await run(['members', 'list', '--json', '--db', db]))
  const [guest, other, speaker] = roster.filter((m) => m.phone)
  const net = await netns(t)
  if (net.skip) return t.skip(net.skip)
  const ip = net.hostIP
  const { local, lan } = await serveLan(t, db, ip)
  assert.match(lan, new RegExp(`^http://${ip.replaceAll('.', '\\.')}:\\d+/$`))

  await clearOfMidnight()
  // Today's event with a speaker and two registered guests.
  const [kind] = await api(local, 'service.EventService.Kinds')
  const ev = await api(local, 'service.EventService.Save', {
    id: 0, version: 0, name: EVENT, kind, date: today(), city: '杭州', group_id: 0, attendance: 0, organizer_id: 0,
    talks: [{ member_id: speaker.id, title: 'PostgreSQL 分区表实践', contribution_id: 0 }],
  })
  for (const m of [guest, other, speaker]) await api(local, 'service.AttendeeService.Register', ev.id, m.id)

  const b = await browser(t)
  const phones = await browser(t, net.chromium)

  // The hub: Settings → LAN mode shows it on, with the LAN address.
  const hub = await (await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage()
  await hub.goto(at(local, '/settings'))
  await hub.locator('.n-tabs-tab').filter({ hasText: '局域网模式' }).click()
  await hub.locator('[data-testid=lan-state][data-on=yes]').waitFor()
  assert.ok((await hub.getByTestId('lan-url').allTextContents()).includes(lan), 'the LAN address is listed')
  const code1 = await newCode(hub, 'desk')
  assert.ok(await hub.getByTestId('lan-qr').evaluate((img) => img.complete && img.naturalWidth > 0), 'the pairing QR image loads')
  await shot(hub, 'lan-hub-settings')

  // Phone 1 without a session is sent to pairing; a wrong code is refused in Chinese.
  const phone1 = await (await phones.newContext(PHONE)).newPage()
  unpaired(phone1)
  expectRefusal(phone1, 422, 'pair_code_wrong')
  await phone1.goto(at(lan, '/members'))
  await phone1.getByTestId('pair-page').waitFor()
  await phone1.getByTestId('pair-lost').filter({ hasText: '尚未配对' }).waitFor()
  await phone1.getByTestId('pair-device').fill('门口 1')
  await phone1.getByTestId('pair-code').fill(code1 === '000000' ? '111111' : '000000')
  await phone1.getByTestId('pair-submit').click()
  await phone1.getByTestId('pair-error').filter({ hasText: '配对码不正确' }).waitFor()
  await shot(phone1, 'lan-phone-pair-error')
  await noSideScroll(phone1, 'pair page')

  // The right code: the desk opens today's only event.
  await pair(phone1, lan, code1, '门口 1')
  await phone1.getByTestId('desk-page').waitFor()
  await phone1.getByTestId('desk-event-name').filter({ hasText: EVENT }).waitFor()
  assert.equal(await phone1.getByTestId('desk-device').textContent(), '门口 1')

  // Phone 2 pairs as a second desk and looks the guest up before phone 1 checks them in.
  const code2 = await newCode(hub, 'desk')
  const phone2 = await (await phones.newContext(PHONE)).newPage()
  unpaired(phone2)
  await pair(phone2, lan, code2, '门口 2')
  await phone2.getByTestId('desk-event-name').filter({ hasText: EVENT }).waitFor()
  await findOnDesk(phone2, guest.phone)
  const row2 = phone2.locator(`[data-testid=desk-row][data-member-id="${guest.id}"]`)
  await row2.and(phone2.locator('[data-checked-in=no]')).waitFor()

  // Phone 1 checks the guest in by name.
  await findOnDesk(phone1, guest.name)
  const row1 = phone1.locator(`[data-testid=desk-row][data-member-id="${guest.id}"]`)
  await row1.getByTestId('desk-toggle').click()
  await phone1.locator(`[data-testid=desk-row][data-member-id="${guest.id}"][data-checked-in=yes]`).waitFor()
  await row1.getByTestId('desk-row-when').filter({ hasText: '门口 1' }).waitFor()
  await noSideScroll(phone1, 'desk page')
  await shot(phone1, 'lan-phone-desk-checked-in')

  // Phone 2 still shows the old state: its check-in is refused with who was first, and the row updates.
  expectRefusal(phone2, 409, 'already_checked_in_device')
  await row2.getByTestId('desk-toggle').click()
  const toast = phone2.locator('.n-message').filter({ hasText: `「${guest.name}」已于` }).filter({ hasText: '签到' })
  await toast.waitFor()
  // On the phone the toast shows at the bottom, clear of the event's name.
  const [t0, title] = [await toast.boundingBox(), await phone2.getByTestId('desk-event-name').boundingBox()]
  assert.ok(t0.y > title.y + title.height, `the toast (y ${t0.y}) covers the event name (y ${title.y})`)
  await phone2.locator(`[data-testid=desk-row][data-member-id="${guest.id}"][data-checked-in=yes]`).waitFor()
  await row2.getByTestId('desk-row-when').filter({ hasText: '门口 1' }).waitFor()
  await shot(phone2, 'lan-phone2-conflict')
  // The refusal's toast gone, the next pictures check the page itself.
  await phone2.locator('.n-message').waitFor({ state: 'detached' })

  // The attendee code (ACE-ATT:<event>:<member>) finds one person.
  await findOnDesk(phone2, `ACE-ATT:${ev.id}:${other.id}`)
  await phone2.locator(`[data-testid=desk-row][data-member-id="${other.id}"]`).waitFor()
  assert.equal(await phone2.getByTestId('desk-row').count(), 1)

  // The hub shows the other guest's attendee QR in the event's attendees
  // panel; phone 2 photographs it and finds them.
  await hub.goto(at(local, '/events'))
  await hub.getByTestId('event-row').filter({ hasText: EVENT }).click()
  await hub.locator('.n-tabs-tab[data-name="attendees"]').click()
  await hub.locator(`[data-testid=attendee-row][data-member-id="${other.id}"]`).getByTestId('attendee-qr').click()
  assert.equal(await hub.getByTestId('attendee-qr-code').textContent(), `ACE-ATT:${ev.id}:${other.id}`)
  const png = await hub.getByTestId('attendee-qr-image').getAttribute('src')
  assert.match(png, /^data:image\/png;base64,/)
  await shot(hub, 'lan-hub-attendee-qr')
  await hub.keyboard.press('Escape')
  await tab(phone2, '签到')
  await phone2.getByTestId('desk-photo-input').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: Buffer.from(png.split(',')[1], 'base64') })
  await phone2.locator(`[data-testid=desk-row][data-member-id="${other.id}"]`).waitFor()
  assert.equal(await phone2.getByTestId('desk-row').count(), 1)
  await shot(phone2, 'lan-phone2-scanned')

  // A walk-in from phone 2.
  await tab(phone2, '现场登记')
  await phone2.getByTestId('desk-walk-name').fill('临时来宾')
  await phone2.getByTestId('desk-walk-phone').fill('13900001111')
  await phone2.getByTestId('desk-walk-submit').click()
  await phone2.locator('.n-message').filter({ hasText: '「临时来宾」已登记并签到' }).waitFor()

  // The front row lists the level holders who registered, with who is here.
  await tab(phone1, '前排')
  await phone1.getByTestId('desk-seat').first().waitFor()
  // The tab's slide: waiting on its finished promise failed when a newer slide cancelled it.
  await phone1.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await noSideScroll(phone1, 'front row tab')
  await shot(phone1, 'lan-phone-front-row')

  // The speaker's thanks certificate downloads on the phone.
  await tab(phone1, '演讲者')
  const spk = phone1.locator(`[data-testid=desk-speaker][data-member-id="${speaker.id}"]`)
  await spk.filter({ hasText: speaker.name }).waitFor()
  await noSideScroll(phone1, 'speakers tab')
  await shot(phone1, 'lan-phone-speakers')
  const [download] = await Promise.all([phone1.waitForEvent('download'), spk.getByTestId('desk-certificate').click()])
  const pdf = readFileSync(await download.path())
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')

  // The hub saw every check-in, with the devices' names.
  const rows = await api(local, 'service.AttendeeService.Attendees', ev.id)
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]))
  assert.equal(byName[guest.name].checked_in, true)
  assert.equal(byName[guest.name].device, '门口 1')
  assert.equal(byName['临时来宾'].device, '门口 2')

  // A desk may not open the full app.
  await phone1.goto(at(lan, '/members'))
  await phone1.getByTestId('desk-page').waitFor()

  // The hub revokes phone 1; its next action sends it to pairing, saying why.
  await hub.goto(at(local, '/settings'))
  await hub.locator('.n-tabs-tab').filter({ hasText: '局域网模式' }).click()
  const dev1 = hub.getByTestId('lan-device').filter({ hasText: '门口 1' })
  await dev1.and(hub.locator('[data-state=active]')).waitFor()
  await dev1.getByTestId('lan-revoke').click()
  await hub.locator('.n-popconfirm').getByRole('button', { name: '撤销' }).click()
  await hub.getByTestId('lan-device').filter({ hasText: '门口 1' }).and(hub.locator('[data-state=revoked]')).waitFor()
  await shot(hub, 'lan-hub-revoked')
  expectRefusal(phone1, 401, 'session_revoked')
  await tab(phone1, '签到')
  await findOnDesk(phone1, guest.name)
  await phone1.getByTestId('pair-page').waitFor()
  await phone1.locator('[data-testid=pair-lost][data-reason=session_revoked]').filter({ hasText: '已被主机撤销' }).waitFor()
  await noSideScroll(phone1, 'pair page after revoke')
  await shot(phone1, 'lan-phone-revoked')
  // Phone 2 is untouched.
  await tab(phone2, '签到')
  await findOnDesk(phone2, guest.name)
  await phone2.locator(`[data-testid=desk-row][data-member-id="${guest.id}"]`).waitFor()

  // A viewer (a laptop on the LAN) gets the full app, read only: a change is
  // refused in Chinese, and LAN mode is not offered to it.
  const viewerCode = await newCode(hub, 'viewer')
  const viewer = await (await phones.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' })).newPage()
  unpaired(viewer)
  expectRefusal(viewer, 403, 'forbidden')
  await pair(viewer, lan, viewerCode, '会务笔记本')
  await viewer.locator('[data-testid=device-line][data-role=viewer]').filter({ hasText: '只读' }).waitFor()
  await viewer.getByTestId('nav-members').click()
  await viewer.getByTestId('member-row').first().waitFor()
  assert.equal(await viewer.getByTestId('add-member').count(), 0, 'a viewer is offered no new member')
  assert.equal(await viewer.getByTestId('open-import').count(), 0, 'a viewer is offered no import')
  await viewer.getByTestId('nav-settings').click()
  await viewer.getByTestId('settings-operator').fill('查看者')
  await viewer.getByTestId('save-settings').click()
  await viewer.getByTestId('settings-error').filter({ hasText: '此设备的角色不能执行此操作' }).waitFor()
  assert.equal(await viewer.locator('.n-tabs-tab').filter({ hasText: '局域网模式' }).count(), 0)
  await shot(viewer, 'lan-viewer-refused')

  // Anyone on the LAN checks the speaker's certificate on /check, with no session.
  const certs = await api(local, 'service.CertificateService.List')
  const cert = certs.find((c) => c.member_id === speaker.id || c.name === speaker.name)
  assert.ok(cert, 'the desk issued the speaker a certificate')
  const visitor = await (await phones.newContext(PHONE)).newPage()
  unpaired(visitor)
  await visitor.goto(at(lan, `/check?code=${encodeURIComponent(cert.serial)}`))
  const verdict = visitor.locator('[data-testid=check-result][data-status=valid]')
  await verdict.filter({ hasText: '证书有效' }).waitFor()
  assert.equal(await visitor.getByTestId('check-field-serial').textContent(), cert.serial)
  assert.equal(await visitor.getByTestId('check-field-name').textContent(), speaker.name)
  assert.doesNotMatch(await verdict.textContent(), new RegExp(speaker.phone), 'no phone number on the public page')
  await noSideScroll(visitor, 'check page')
  await shot(visitor, 'lan-phone-check-valid')
  await visitor.getByTestId('check-input').fill('2020-NOPE-999')
  await visitor.getByTestId('check-go').click()
  await visitor.locator('[data-testid=check-result]:not([data-status=valid])').waitFor()
  // The public page stayed public: no session was made for the visitor.
  assert.equal((await visitor.context().cookies()).length, 0)

})

test('over HTTPS: the hub shows the fingerprint it printed, and a phone pairs with the printed code', async (t) => {
  const db = tempDB(t)
  await run(['demo', '--db', db, '--members', '20'])
  const net = await netns(t)
  if (net.skip) return t.skip(net.skip)
  const { local, lan, code, fingerprint } = await serveLan(t, db, net.hostIP, ['--tls'])
  assert.match(lan, /^https:\/\//)
  assert.ok(fingerprint, 'serve --lan --tls prints the fingerprint')

  const b = await browser(t)
  const hub = await (await b.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage()
  await hub.goto(at(local, '/settings'))
  await hub.locator('.n-tabs-tab').filter({ hasText: '局域网模式' }).click()
  assert.equal(await hub.getByTestId('lan-fingerprint').textContent(), fingerprint)

  // The phone accepts the self-signed certificate, as its user would after comparing the fingerprint.
  const phone = await (await (await browser(t, net.chromium)).newContext({ ...PHONE, ignoreHTTPSErrors: true })).newPage()
  unpaired(phone)
  await pair(phone, lan, code, '门口 HTTPS')
  await phone.getByTestId('desk-no-event').filter({ hasText: '今天没有活动' }).waitFor()
  const cookie = (await phone.context().cookies()).find((c) => c.name === 'acedesk_session')
  assert.ok(cookie && cookie.secure && cookie.httpOnly && cookie.sameSite === 'Strict', 'the session cookie is Secure, HttpOnly, SameSite=Strict')
  await noSideScroll(phone, 'desk without an event')
  await shot(phone, 'lan-phone-https-no-event')
})
