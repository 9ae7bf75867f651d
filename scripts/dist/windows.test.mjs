// The Windows build, checked without Windows. First the installer's
// contents, listed with 7z. Then, under Wine (Debian's wine64) in a fresh
// prefix, what a chapter lead does: run the installer (silently), start the
// installed programs (version; demo into a fresh database in the Wine
// user's %AppData%; browser mode with no command, with the roster loaded in
// Chromium; a second instance refused with exit 3; a hot backup while it
// runs), and uninstall, once keeping the database and once deleting it.
// Only where Wine cannot start at all is that part skipped, saying why.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { at, openPage, serve, shot } from '../e2e/lib.mjs'

const DIST = resolve(process.env.DIST ?? 'build/dist')
const VERSION = process.env.VERSION
const COMMIT = process.env.COMMIT
if (!VERSION || !COMMIT) throw new Error('set VERSION and COMMIT (make test-dist does)')
const SETUP = join(DIST, `acedesk-${VERSION}-windows-amd64-setup.exe`)
const WINE = process.env.WINE64 ?? '/usr/lib/wine/wine64'
const SHIM_SOURCE = resolve('scripts/wine/bcryptprimitives.c')

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts })
  if (r.error) throw r.error
  return r
}

function sevenZip(args) {
  const r = sh('7z', args)
  assert.equal(r.status, 0, `7z ${args.join(' ')}: ${r.stderr}`)
  return r.stdout
}

// The PE header and version strings that 7z prints for a program.
function peFacts(exe) {
  const out = sevenZip(['l', exe])
  const value = (key) => out.match(new RegExp(`^${key}(?: =|:) (.*)$`, 'm'))?.[1]
  return {
    subsystem: value('Subsystem'),
    productVersions: [...out.matchAll(/^ProductVersion: (.*)$/gm)].map((m) => m[1]),
    fileDescription: value('FileDescription'),
    productName: value('ProductName'),
    hasIcon: /\.rsrc\/0\/ICON\/1$/m.test(out),
    hasManifest: /\.rsrc\/\d+\/MANIFEST\/1$/m.test(out),
  }
}

test('the installer holds both programs, the WebView2 bootstrapper, the licences and an uninstaller', (t) => {
  const listing = sevenZip(['l', '-slt', SETUP])
  assert.match(listing, /^SubType = NSIS-3 Unicode 64-bit$/m)
  const paths = [...listing.matchAll(/^Path = (.*)$/gm)].map((m) => m[1]).slice(1)
  assert.deepEqual(paths.filter((p) => !p.startsWith('$PLUGINSDIR/')).sort(),
    ['LICENSE.txt', 'OFL.txt', 'acedesk-cli.exe', 'acedesk.exe', 'uninstall.exe'])
  // Wails' copy of Microsoft's bootstrapper, taken from the Go module cache.
  assert.ok(paths.includes('$PLUGINSDIR/webview2bootstrapper/MicrosoftEdgeWebview2Setup.exe'), paths.join(', '))

  // Installed for the user, without asking for administrator rights.
  const manifest = sh('7z', ['x', '-tPE', '-so', SETUP, '.rsrc/1033/MANIFEST/1']).stdout
  assert.match(manifest, /requestedExecutionLevel level="asInvoker"/)

  const dir = mkdtempSync(join(tmpdir(), 'acedesk-setup-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  sevenZip(['x', `-o${dir}`, SETUP, 'acedesk.exe', 'acedesk-cli.exe'])
  const gui = peFacts(join(dir, 'acedesk.exe'))
  const cli = peFacts(join(dir, 'acedesk-cli.exe'))
  // The window opens no console; the command line is a console program.
  assert.equal(gui.subsystem, 'Windows GUI')
  assert.equal(cli.subsystem, 'Windows CUI')
  for (const facts of [gui, cli]) {
    assert.equal(facts.productName, 'ACE Desk')
    assert.ok(facts.productVersions.includes(VERSION), `ProductVersion ${facts.productVersions}, want ${VERSION}`)
    assert.ok(facts.hasIcon && facts.hasManifest, JSON.stringify(facts))
  }
  assert.equal(gui.fileDescription, 'ACE Desk')
  assert.match(cli.fileDescription, /command line/)
})

// startWine makes a fresh 64-bit prefix as Windows 10, with HOME and TMPDIR
// in the same temporary folder (Wine links the user's Desktop and Documents
// to HOME: the shortcuts must not land in the real one) and no menu entries
// for the host's desktop. It returns {skip: why} when Wine cannot start here.
function startWine(t) {
  if (!existsSync(WINE)) return { skip: `${WINE} is not installed (Debian's wine64)` }
  const root = mkdtempSync(join(tmpdir(), 'acedesk-wine-'))
  const env = {
    ...process.env,
    HOME: join(root, 'home'),
    WINEPREFIX: join(root, 'prefix'),
    // wineserver's socket folder goes under TMPDIR: removed with the rest.
    TMPDIR: join(root, 'tmp'),
    WINEDEBUG: '-all',
    // No Mono or Gecko prompts, no .desktop files for the host.
    WINEDLLOVERRIDES: 'mscoree,mshtml=;winemenubuilder.exe=d',
  }
  for (const k of ['XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_DESKTOP_DIR', 'DISPLAY', 'WAYLAND_DISPLAY']) delete env[k]
  mkdirSync(env.HOME)
  mkdirSync(env.TMPDIR)
  const wine = (args, opts = {}) => sh(WINE, args, { env, ...opts })
  // The same for what the shared helpers start (serve): this file runs in
  // a process of its own.
  const saved = { ...process.env }
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k]
  Object.assign(process.env, env)
  t.after(() => {
    sh(join(dirname(WINE), 'wineserver'), ['-k'], { env })
    rmSync(root, { recursive: true, force: true })
    for (const k of Object.keys(process.env)) delete process.env[k]
    Object.assign(process.env, saved)
  })
  const boot = wine(['wineboot', '-i'], { timeout: 180_000 })
  const system32 = join(env.WINEPREFIX, 'drive_c/windows/system32')
  if (boot.status !== 0 || !existsSync(system32)) {
    return { skip: `Wine cannot start here: wineboot exited ${boot.status} ${boot.signal ?? ''} ${boot.stderr.trim()}` }
  }
  assert.equal(wine(['winecfg', '/v', 'win10']).status, 0)
  // Wine 8 has no bcryptprimitives.dll, which Go programs need at start:
  // build the stand-in (scripts/wine/bcryptprimitives.c) unless Wine has one.
  if (!existsSync(join(system32, 'bcryptprimitives.dll'))) {
    const dll = join(root, 'bcryptprimitives.dll')
    const cc = sh('x86_64-w64-mingw32-gcc', ['-shared', '-O2', '-s', '-o', dll, SHIM_SOURCE, '-ladvapi32'])
    assert.equal(cc.status, 0, `building the ProcessPrng stand-in: ${cc.stderr}`)
    copyFileSync(dll, join(system32, 'bcryptprimitives.dll'))
  }
  // Tell the installer WebView2 is there: its bootstrapper downloads the
  // runtime, and this machine has no internet (nor would Wine run it).
  assert.equal(wine(['reg', 'add', 'HKCU\\Software\\Microsoft\\EdgeUpdate\\Clients\\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}',
    '/v', 'pv', '/t', 'REG_SZ', '/d', '120.0.2210.91', '/f']).status, 0)
  const users = join(env.WINEPREFIX, 'drive_c/users')
  const user = readdirSync(users).find((u) => u !== 'Public')
  const home = join(users, user)
  return {
    env, wine, user,
    // Where things are, seen from Linux and from Windows.
    programs: join(home, 'AppData/Local/Programs/ACE Desk'),
    startMenu: join(home, 'AppData/Roaming/Microsoft/Windows/Start Menu/Programs/ACE Desk'),
    desktop: join(home, 'Desktop'),
    data: join(home, 'AppData/Roaming/acedesk'),
    winHome: `C:\\users\\${user}`,
  }
}

const UNINSTALL_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\ACEDesk'

// waitGone polls until none of paths exists (the uninstaller runs a copy
// of itself from the temporary folder, so wine returns before it is done).
async function waitGone(paths, seconds = 60) {
  const deadline = Date.now() + seconds * 1000
  while (paths.some((p) => existsSync(p))) {
    if (Date.now() > deadline) assert.fail(`still there after ${seconds} s: ${paths.filter((p) => existsSync(p)).join(', ')}`)
    await sleep(200)
  }
}

test('under Wine: install for the user, run the programs, uninstall', async (t) => {
  const w = startWine(t)
  if (w.skip) {
    t.skip(`the Wine checks: ${w.skip}`)
    return
  }
  const { wine, programs, startMenu, desktop, data, winHome } = w
  const gui = join(programs, 'acedesk.exe')
  const cli = join(programs, 'acedesk-cli.exe')
  const winDB = `${winHome}\\AppData\\Roaming\\acedesk\\acedesk.db`

  await t.test('the installer puts the programs, shortcuts and the Apps & features entry in the user\'s profile', () => {
    const r = wine([SETUP, '/S'])
    assert.equal(r.status, 0, r.stderr)
    for (const f of ['acedesk.exe', 'acedesk-cli.exe', 'uninstall.exe', 'LICENSE.txt', 'OFL.txt']) {
      assert.ok(existsSync(join(programs, f)), `${f} installed in ${programs}`)
    }
    // The installer's language follows Windows' (English under Wine here).
    assert.deepEqual(readdirSync(startMenu).sort(), ['ACE Desk browser mode.lnk', 'ACE Desk command line.lnk', 'ACE Desk.lnk'])
    assert.ok(existsSync(join(desktop, 'ACE Desk.lnk')), 'desktop shortcut')
    const key = wine(['reg', 'query', UNINSTALL_KEY])
    assert.equal(key.status, 0, 'uninstall key in HKCU')
    assert.match(key.stdout, /DisplayName\s+REG_SZ\s+ACE Desk\r?$/m)
    assert.match(key.stdout, new RegExp(`DisplayVersion\\s+REG_SZ\\s+${VERSION}\\r?$`, 'm'))
    assert.match(key.stdout, /Publisher\s+REG_SZ\s+PostgreSQL /)
    assert.match(key.stdout, /UninstallString\s+REG_SZ\s+".*\\AppData\\Local\\Programs\\ACE Desk\\uninstall\.exe"/)
    assert.match(key.stdout, /DisplayIcon\s+REG_SZ\s+.*\\acedesk\.exe,0/)
    assert.notEqual(wine(['reg', 'query', UNINSTALL_KEY.replace('HKCU', 'HKLM')]).status, 0, 'nothing machine-wide')
  })

  await t.test('both programs print their version, commit, build date and web view', () => {
    const g = wine([gui, 'version'])
    assert.equal(g.status, 0, g.stderr)
    assert.match(g.stdout, new RegExp(`^acedesk ${VERSION}\\ncommit:  ${COMMIT}\\nbuilt:   \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z\\nwindow:  WebView2`))
    const c = wine([cli, 'version'])
    assert.equal(c.status, 0, c.stderr)
    assert.match(c.stdout, new RegExp(`^acedesk ${VERSION}\\ncommit:  ${COMMIT}\\n[^]*window:  none \\(browser-mode build`))
  })

  await t.test('acedesk-cli.exe gives the shell its exit codes', () => {
    const r = wine([cli, 'frobnicate'])
    assert.equal(r.status, 2)
    assert.match(r.stderr, /unknown command: frobnicate/)
    assert.match(r.stderr, /AppData\\Roaming\\acedesk\\acedesk\.db/)
  })

  await t.test('demo fills a fresh database in the user\'s %AppData%', () => {
    assert.ok(!existsSync(data), 'a fresh profile has no database')
    const r = wine([cli, 'demo'])
    assert.equal(r.status, 0, r.stderr)
    assert.equal(r.stdout.trim(), `added 300 demo members to ${winDB}`)
    assert.ok(existsSync(join(data, 'acedesk.db')))
  })

  await t.test('started with no command it serves the roster; a second one is refused; a hot backup works', async (t) => {
    const server = await serve(winDB, [cli], WINE)
    t.after(() => server.stop())

    const t0 = Date.now()
    const second = wine([cli, 'members', 'list'])
    const ms = Date.now() - t0
    assert.equal(second.status, 3, `second instance: ${second.stderr}`)
    assert.match(second.stderr, /open in another ACE Desk/)
    t.diagnostic(`second instance refused with exit 3 in ${ms} ms under Wine`)
    assert.ok(ms < 5000, `refused after ${ms} ms`)

    // The hot backup asks the running one over loopback with the token
    // only this user can read (the unix socket of Linux does not exist here).
    const backup = wine([cli, 'backup', `${winHome}\\hot.db`])
    assert.equal(backup.status, 0, backup.stderr)
    const list = wine([cli, 'members', 'list', '--json', '--db', `${winHome}\\hot.db`])
    assert.equal(list.status, 0, list.stderr)
    assert.equal(JSON.parse(list.stdout).length, 300)

    const { page } = await openPage(t, at(server.url, '/members'))
    await page.getByTestId('member-row').first().waitFor()
    assert.match(await page.title(), /\(300\)/)
    await shot(page, 'dist-windows-wine')
  })

  await t.test('the uninstaller removes the program and keeps the database', async () => {
    const r = wine([join(programs, 'uninstall.exe'), '/S'])
    assert.equal(r.status, 0, r.stderr)
    await waitGone([programs, startMenu, join(desktop, 'ACE Desk.lnk')])
    assert.notEqual(wine(['reg', 'query', UNINSTALL_KEY]).status, 0, 'uninstall key removed')
    assert.ok(existsSync(join(data, 'acedesk.db')), 'the database is kept')
  })

  await t.test('uninstall /DELETEDATA (the box in the uninstaller) deletes the database too', async () => {
    assert.equal(wine([SETUP, '/S']).status, 0)
    assert.ok(existsSync(gui))
    assert.equal(wine([join(programs, 'uninstall.exe'), '/S', '/DELETEDATA']).status, 0)
    await waitGone([programs, data])
  })
})
