// Shared helpers for the browser tests: a real `acedesk serve` on a
// temporary database, and Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from 'playwright-core'

export const BIN = process.env.ACEDESK_BIN ?? 'build/bin/acedesk'
export const ARTIFACTS = process.env.ARTIFACTS ?? 'artifacts'
mkdirSync(ARTIFACTS, { recursive: true })

// at is the address of a page of the app served at url, e.g. at(url, '/members').
export const at = (url, route) => new URL(`#${route}`, url).href

export function tempDB(t) {
  const dir = mkdtempSync(join(tmpdir(), 'acedesk-e2e-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'acedesk.db')
}

// localAuth is the header that carries the launch key of the address
// `acedesk serve` printed (…/?key=…), for a script's own requests: the
// browser trades the key for a cookie when it opens the address.
export function localAuth(url) {
  const key = new URL(url).searchParams.get('key')
  return key ? { Authorization: `Bearer ${key}` } : {}
}

// serve starts `acedesk serve` on a free loopback port and resolves with its
// URL (with the launch key) once it prints it; stop() ends it and waits for the exit. command is
// what starts browser mode: the browser-mode build needs none. bin is the
// program to start (under Wine: wine64, with the .exe first in command).
// The chapter code (HZ, or chapter) is set first (acedesk setup), as a
// chapter sets it on its first start, unless firstStart asks for a chapter
// that has not.
export async function serve(db, command = ['serve'], bin = BIN, { firstStart = false, chapter = 'HZ' } = {}) {
  if (!firstStart) {
    const prefix = command.filter((c) => c !== 'serve')
    const setup = spawn(bin, [...prefix, 'setup', '--chapter', chapter, '--db', db], { stdio: 'ignore' })
    const code = await new Promise((resolve) => setup.on('exit', resolve))
    if (code !== 0) throw new Error(`acedesk setup exited ${code}`)
  }
  const proc = spawn(bin, [...command, '--listen', '127.0.0.1:0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise((resolve) => proc.on('exit', resolve))
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout })
    lines.on('line', (line) => {
      const m = line.match(/http:\/\/\S+/)
      if (m) resolve({ url: m[0], stop: async () => { stopped.add(new URL(m[0]).origin); proc.kill('SIGTERM'); return exited } })
    })
    proc.on('exit', (code) => reject(new Error(`acedesk serve exited ${code}: ${stderr}`)))
  })
}

// The origins of servers stopped: a page still open on one (a test's
// hooks stop its server before its browser closes) may fail to reach it,
// which is no error of the app's.
const stopped = new Set()

export async function run(args) {
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  proc.stdout.on('data', (d) => (out += d))
  const code = await new Promise((resolve) => proc.on('exit', resolve))
  if (code !== 0) throw new Error(`acedesk ${args.join(' ')} exited ${code}`)
  return out
}

// netns makes a network namespace joined to this machine by a veth pair
// of its own, for a test's "phones": the hub listens on the host end's
// address and Chromium runs inside the namespace, so their traffic is a
// LAN's (a peer that is not loopback) and never leaves this machine. It
// resolves with { hostIP, chromium }, chromium being the command that
// starts Chromium inside; the namespace and the pair go when the test ends
// (and when the process exits, whatever happens). It resolves with
// { skip } saying why where namespaces cannot be made: not root, or no
// iproute2.
export async function netns(t) {
  if (process.getuid?.() !== 0) return { skip: 'the LAN tests make a network namespace, which needs root' }
  if (spawnSync('ip', ['-V']).status !== 0) return { skip: 'the LAN tests need iproute2 (the ip command) to make a network namespace' }
  const id = `${process.pid % 100000}`
  const ns = `acedesk-e2e-${id}`
  const host = `ae${id}h`
  const peer = `ae${id}p`
  // A /30 of the benchmarking range 198.18.0.0/15 (RFC 2544), unrouted.
  const octet = process.pid % 250
  const hostIP = `198.18.${octet}.1`
  const peerIP = `198.18.${octet}.2`
  const remove = () => {
    spawnSync('ip', ['netns', 'del', ns])
    spawnSync('ip', ['link', 'del', host])
  }
  remove()
  process.on('exit', remove)
  t.after(remove)
  const steps = [
    ['netns', 'add', ns],
    ['link', 'add', host, 'type', 'veth', 'peer', 'name', peer],
    ['link', 'set', peer, 'netns', ns],
    ['addr', 'add', `${hostIP}/30`, 'dev', host],
    ['link', 'set', host, 'up'],
    ['-n', ns, 'addr', 'add', `${peerIP}/30`, 'dev', peer],
    ['-n', ns, 'link', 'set', peer, 'up'],
    ['-n', ns, 'link', 'set', 'lo', 'up'],
  ]
  for (const args of steps) {
    const r = spawnSync('ip', args, { encoding: 'utf8' })
    if (r.status !== 0) {
      remove()
      return { skip: `could not make the test's network namespace (ip ${args.join(' ')}: ${r.stderr.trim()})` }
    }
  }
  // Playwright starts Chromium by a path: a script that enters the namespace first.
  const dir = mkdtempSync(join(tmpdir(), 'acedesk-netns-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const wrapper = join(dir, 'chromium')
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${process.env.CHROMIUM ?? '/usr/bin/chromium'} "$@"\n`, { mode: 0o755 })
  return { hostIP, chromium: wrapper }
}

// browser starts Chromium for test t. Every page it opens is watched: a
// console error or an uncaught page error fails t when it ends, unless t
// said it expected it (expectConsole).
export async function browser(t, executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium') {
  const b = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const problems = []
  // browser.newPage goes through newContext too.
  const newContext = b.newContext.bind(b)
  b.newContext = async (options) => {
    const context = await newContext(options)
    context.on('page', (page) => watch(page, problems))
    return context
  }
  // What the test registers from now on (stopping its server, say) runs
  // first, every hook even when one fails, so that the browser always
  // closes (an open one keeps the test process alive); then the check.
  const later = []
  const after = t.after.bind(t)
  t.after = (fn) => later.push(fn)
  after(async () => {
    let failed
    for (const fn of later) {
      try {
        await fn()
      } catch (e) {
        failed ??= e
      }
    }
    await b.close()
    if (failed) throw failed
    const unexpected = problems.filter((p) => !expectedOf(p.page).some((re) => re.test(p.text))).map((p) => p.text)
    assert.deepEqual(unexpected, [], 'console or page errors the test did not expect')
  })
  return b
}

const expected = new WeakMap()
const expectedOf = (page) => expected.get(page) ?? []

function watch(page, problems) {
  const serverGone = () => URL.canParse(page.url()) && stopped.has(new URL(page.url()).origin)
  page.on('console', (m) => {
    if (m.type() === 'error' && !serverGone()) problems.push({ page, text: `console error on ${page.url()}: ${m.text()}` })
  })
  page.on('pageerror', (e) => {
    if (!serverGone()) problems.push({ page, text: `page error on ${page.url()}: ${e.stack ?? e.message}` })
  })
}

/** Lets page log console errors matching re (a refusal's HTTP status, say) without failing the test. */
export function expectConsole(page, re) {
  expected.set(page, [...expectedOf(page), re])
}

/**
 * Lets page log the refusal of a call the test makes on purpose: the
 * browser's line for the HTTP status (409, 422…) and the app's for the
 * refusal's reason (phone_taken, fields…).
 */
export function expectRefusal(page, status, reason) {
  expectConsole(page, new RegExp(`server responded with a status of ${status} `))
  expectConsole(page, new RegExp(`\\[ace\\] call failed: .*reason: ${reason},`))
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * checkA11y runs axe-core on what page shows (its dialogs included) once
 * its transitions have ended, and fails on any serious or critical
 * violation, naming the rule and the elements.
 */
export async function checkA11y(page, where) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE)
  // A transition that starts just before or while axe reads the page (a
  // toast's timer ending: it fades out) shows colours half-way: then axe
  // reads the page again once it has ended. All in one evaluate, so that
  // nothing starts unseen between the wait and the reading.
  const found = await page.evaluate(async () => {
    const moving = () => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
    let found = []
    for (let tries = 0; tries < 5; tries++) {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      await Promise.all(moving().map((a) => a.finished.catch(() => {})))
      let moved = false
      const mark = () => (moved = true)
      for (const e of ['transitionrun', 'animationstart']) document.addEventListener(e, mark, true)
      if (moving().length) moved = true
      const { violations } = await window.axe.run(document, { resultTypes: ['violations'] })
      for (const e of ['transitionrun', 'animationstart']) document.removeEventListener(e, mark, true)
      found = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`)
      if (!moved && moving().length === 0) break
    }
    return found
  })
  if (process.env.A11Y_LOG) { if (found.length) console.log('A11Y', where, JSON.stringify(found, null, 1)); return }
  assert.deepEqual(found, [], `accessibility of ${where}`)
}

/**
 * shot saves what page shows as ARTIFACTS/name.png, once its transitions
 * (a drawer sliding in) have ended, and checks it with axe-core.
 */
export async function shot(page, name) {
  await transitionsEnded(page)
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false })
  await checkA11y(page, name)
}

// clearOfLabels fails when a field's help or error line comes within 6 px of
// the label below it, as the pairing page's device help touched 配对码.
export async function clearOfLabels(page, where) {
  const close = await page.evaluate(() => {
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
    const labels = [...document.querySelectorAll('.n-form-item-label')].filter(shown).map((l) => [l, l.getBoundingClientRect()])
    const out = []
    for (const f of document.querySelectorAll('.n-form-item-feedback')) {
      if (!shown(f) || !f.textContent.trim()) continue
      const fb = f.getBoundingClientRect()
      const below = labels
        .filter(([, lb]) => lb.top >= fb.top && lb.left < fb.right && lb.right > fb.left)
        .sort(([, a], [, b]) => a.top - b.top)[0]
      if (below && below[1].top - fb.bottom < 6) out.push(`${f.textContent.trim()} / ${below[0].textContent.trim()}: ${Math.round(below[1].top - fb.bottom)} px`)
    }
    return out
  })
  assert.deepEqual(close, [], `help lines touching the next label on ${where}`)
}

// transitionsEnded waits two frames, for a transition just asked for to
// start, then for every running one to end (a spinner's never does): then
// what is on the page stands where it will stay, to be measured.
export const transitionsEnded = (page) =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const ending = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(ending.map((a) => a.finished.catch(() => {})))
  })

// openPage starts Chromium and opens url in a page of the viewport's size:
// by default the window of the tests written before the window fitted a
// 1366x768 screen; the newer tests give that screen's.
export async function openPage(t, url, viewport = { width: 1280, height: 860 }) {
  const b = await browser(t)
  const page = await b.newPage({ viewport })
  await page.goto(url)
  return { browser: b, page }
}


// demoWithCertificates is a demo database of chapter HZ whose last
// published batch of last year (Q4) has its certificates issued.
export async function demoWithCertificates(t) {
  const db = tempDB(t)
  await run(['demo', '--db', db])
  await run(['setup', '--chapter', 'HZ', '--db', db])
  await run(['certs', '--batch', `${new Date().getFullYear() - 1}-Q4`, '--out', join(db, '..', 'certs.pdf'), '--db', db])
  return db
}

// api calls a bound method ("service.CertificateService.Setup") the way
// the page does, with the session's CSRF token (on loopback: the hub, a
// local admin), and resolves with what it returns.
export async function api(url, name, ...args) {
  const { csrf } = await (await fetch(new URL('api/session', url), { headers: localAuth(url) })).json()
  const res = await fetch(new URL(`api/call/${name}`, url), {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, ...localAuth(url) }, body: JSON.stringify(args),
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`${name}: ${JSON.stringify(body)}`)
  return body
}

/** Today's date on this computer's clock, which is the hub's: 2026-12-07. */
/**
 * clearOfMidnight, for a test that makes today's event and then works with
 * it: when less than `minutes` are left of this day, it waits for the next
 * day to begin, so that the hub's today stays the event's day to the end
 * of the test (a run near midnight saw "no event today" on the desk).
 */
export async function clearOfMidnight(minutes = 5) {
  const now = new Date()
  const left = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1) - now
  if (left > minutes * 60_000) return
  console.log(`# ${Math.ceil(left / 1000)} s to midnight: waiting for the new day before making today's event`)
  await new Promise((resolve) => setTimeout(resolve, left + 1000))
}

export function today(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

// settled waits until no toast, menu, dialog or drawer is on screen, so a
// screenshot shows the page itself.
export async function settled(page) {
  const shown = ['.n-message', '.n-base-select-menu', '.n-modal', '.n-drawer'].join(',')
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].every((e) => e.getClientRects().length === 0), shown)
}

// pickOption chooses value in the NSelect whose data-testid is testid
// (options testid-<value>), a year select among them.
export async function pickOption(page, testid, value) {
  await page.getByTestId(testid).locator('.n-base-selection').click()
  await page.getByTestId(`${testid}-${value}`).click()
}

// pickMember types search (a name or a phone) into a member picker and
// chooses the member named name.
export async function pickMember(page, testid, search, name = search) {
  await page.getByTestId(testid).locator('.n-base-selection').click()
  await page.getByTestId(`${testid}-input`).fill(search)
  await page.getByTestId(`${testid}-option`).filter({ hasText: name }).click()
}
