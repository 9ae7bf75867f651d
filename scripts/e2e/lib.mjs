// Shared helpers for the browser tests: a real `acedesk serve` on a
// temporary database, and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
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
// The chapter code is set first (acedesk setup), as a chapter sets it on
// its first start, unless firstStart asks for a chapter that has not.
export async function serve(db, command = ['serve'], bin = BIN, { firstStart = false } = {}) {
  if (!firstStart) {
    const prefix = command.filter((c) => c !== 'serve')
    const setup = spawn(bin, [...prefix, 'setup', '--chapter', 'HZ', '--db', db], { stdio: 'ignore' })
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
      if (m) resolve({ url: m[0], stop: async () => { proc.kill('SIGTERM'); return exited } })
    })
    proc.on('exit', (code) => reject(new Error(`acedesk serve exited ${code}: ${stderr}`)))
  })
}

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

export async function browser(t, executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium') {
  const b = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  t.after(() => b.close())
  return b
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false })
}

// openPage starts Chromium and opens url at the desktop window's size,
// collecting uncaught page errors so tests can assert there were none.
export async function openPage(t, url) {
  const b = await browser(t)
  const page = await b.newPage({ viewport: { width: 1280, height: 860 } })
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e))
  await page.goto(url)
  return { browser: b, page, pageErrors }
}

const RANK = { none: 0, partner: 1, ace: 2, director: 3 }
const THRESHOLD = { partner: 200, ace: 500 } // the demo year uses the 2024 table

/** A standings row near a threshold, as the app counts it: short of a higher
 * level by at most a fifth of that level's threshold. */
export const isNear = (r) => r.next !== '' && RANK[r.next] > RANK[r.level] && r.to_next > 0 && r.to_next * 5 <= THRESHOLD[r.next]

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

