// What make dist leaves in build/dist: exactly the files the README's
// "Download and install" lists, each named with the version (git describe)
// and listed in SHA256SUMS with its right sum; every program built for the
// system and with the cgo and tags its name promises (go version -m reads
// what the Go toolchain recorded in it), carrying the version, commit and
// build date; the macOS archives hold an executable acedesk.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const DIST = resolve(process.env.DIST ?? 'build/dist')
const { VERSION, COMMIT, BUILD_DATE } = process.env
if (!VERSION || !COMMIT || !BUILD_DATE) throw new Error('set VERSION, COMMIT and BUILD_DATE (make test-dist does)')
const DEB_VERSION = execFileSync('scripts/dist/version.sh', ['deb'], { encoding: 'utf8', env: { ...process.env, VERSION } }).trim()

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...opts })

// name → what go version -m must show.
const programs = {
  [`acedesk-${VERSION}-linux-amd64-webkit2gtk-4.0`]: { GOOS: 'linux', GOARCH: 'amd64', CGO_ENABLED: '1', tags: 'desktop,production' },
  [`acedesk-${VERSION}-linux-amd64-webkit2gtk-4.1`]: { GOOS: 'linux', GOARCH: 'amd64', CGO_ENABLED: '1', tags: 'desktop,production,webkit2_41' },
  [`acedesk-${VERSION}-linux-amd64-browser`]: { GOOS: 'linux', GOARCH: 'amd64', CGO_ENABLED: '0' },
  [`acedesk-${VERSION}-linux-arm64-browser`]: { GOOS: 'linux', GOARCH: 'arm64', CGO_ENABLED: '0' },
  [`acedesk-${VERSION}-linux-loong64-browser`]: { GOOS: 'linux', GOARCH: 'loong64', CGO_ENABLED: '0' },
  [`acedesk-${VERSION}-windows-amd64.exe`]: { GOOS: 'windows', GOARCH: 'amd64', CGO_ENABLED: '0', tags: 'desktop,production' },
  [`acedesk-${VERSION}-windows-amd64-cli.exe`]: { GOOS: 'windows', GOARCH: 'amd64', CGO_ENABLED: '0' },
}
const macos = [`acedesk-${VERSION}-macos-arm64-browser`, `acedesk-${VERSION}-macos-amd64-browser`]
const others = [
  `acedesk-${VERSION}-windows-amd64-setup.exe`,
  `acedesk_${DEB_VERSION}_amd64_webkit2gtk-4.0.deb`,
  `acedesk_${DEB_VERSION}_amd64_webkit2gtk-4.1.deb`,
]

test('build/dist holds the versioned artefacts and SHA256SUMS, with the right sums', () => {
  const files = readdirSync(DIST).filter((f) => !f.startsWith('.')).sort()
  const want = [...Object.keys(programs), ...macos.map((m) => `${m}.tar.gz`), ...others].sort()
  assert.deepEqual(files, ['SHA256SUMS', ...want].sort())
  const sums = readFileSync(join(DIST, 'SHA256SUMS'), 'utf8').trim().split('\n')
  assert.deepEqual(sums.map((l) => l.replace(/^[0-9a-f]{64} {2}/, '')).sort(), want)
  const check = run('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: DIST })
  assert.equal(check.trim().split('\n').filter((l) => l.endsWith(': OK')).length, want.length)
})

// buildInfo is what the Go toolchain recorded in a program: its settings
// (GOOS, GOARCH, CGO_ENABLED, -tags, -ldflags).
function buildInfo(file) {
  const out = run('go', ['version', '-m', file])
  const settings = Object.fromEntries([...out.matchAll(/^\tbuild\t([^=]+)=(.*)$/gm)].map((m) => [m[1], m[2]]))
  return settings
}

function assertBuiltAs(file, want) {
  const got = buildInfo(file)
  for (const k of ['GOOS', 'GOARCH', 'CGO_ENABLED']) assert.equal(got[k], want[k], `${file}: ${k}`)
  assert.equal(got['-tags'], want.tags, `${file}: -tags`)
  for (const x of [`acedesk/app.Version=${VERSION}`, `acedesk/app.Commit=${COMMIT}`, `acedesk/app.BuildDate=${BUILD_DATE}`]) {
    assert.ok(got['-ldflags'].includes(x), `${file}: -ldflags ${got['-ldflags']} lacks ${x}`)
  }
}

test('each program is built for its system, with cgo and tags as its name says, and carries the version', (t) => {
  for (const [name, want] of Object.entries(programs)) assertBuiltAs(join(DIST, name), want)
  // The one that runs here says so itself, and where its log is.
  const dir = mkdtempSync(join(tmpdir(), 'acedesk-version-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const db = join(dir, 'acedesk.db')
  const out = run(join(DIST, `acedesk-${VERSION}-linux-amd64-browser`), ['version', '--db', db])
  assert.equal(out, `acedesk ${VERSION}\ncommit:  ${COMMIT}\nbuilt:   ${BUILD_DATE}\nwindow:  none (browser-mode build: acedesk serve)\nlog: ${join(dir, 'acedesk.log')}\n`)
})

test('the macOS archives hold an executable browser-mode acedesk, a README and the licences', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'acedesk-macos-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  for (const name of macos) {
    run('tar', ['-xzf', join(DIST, `${name}.tar.gz`), '-C', dir])
    assert.deepEqual(readdirSync(join(dir, name)).sort(), ['LICENSE.txt', 'OFL.txt', 'README.txt', 'acedesk'])
    const bin = join(dir, name, 'acedesk')
    assert.equal(statSync(bin).mode & 0o777, 0o755)
    assertBuiltAs(bin, { GOOS: 'darwin', GOARCH: name.includes('arm64') ? 'arm64' : 'amd64', CGO_ENABLED: '0' })
    assert.match(readFileSync(join(dir, name, 'README.txt'), 'utf8'), new RegExp(`^ACE Desk ${VERSION} — macOS`))
  }
})
