// Loading into PostgreSQL from the Data exchange page, in a real browser
// against a real `acedesk serve` and the real server scripts/pg-test.sh
// starts: the rows arrive, a wrong password is refused in words that do
// not repeat it, and another ACE Desk database is refused the same schema.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { at, openPage, run, serve, shot, tempDB } from '../e2e/lib.mjs'

const dsn = new URL(process.env.ACEDESK_PG_DSN)
const password = decodeURIComponent(dsn.password)

// psql runs sql on the test server's database db and returns its output.
function psql(db, sql) {
  const u = new URL(dsn)
  u.pathname = `/${db}`
  return execFileSync('psql', ['-X', '-qAt', '-v', 'ON_ERROR_STOP=1', '-c', sql, u.href], { encoding: 'utf8' }).trim()
}

test('load into PostgreSQL from the Data exchange page', async (t) => {
  const name = `acedesk_e2e_${process.pid}`
  psql('postgres', `CREATE DATABASE ${name}`)
  t.after(() => psql('postgres', `DROP DATABASE ${name} WITH (FORCE)`))
  const db = tempDB(t)
  await run(['demo', '--members', '40', '--db', db])
  const members = JSON.parse(await run(['members', 'list', '--json', '--db', db]))

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/exchange'))
  const card = page.getByTestId('pgpush-card')
  const target = new URL(dsn)
  target.password = ''
  target.pathname = `/${name}`

  await card.getByTestId('pgpush-dsn').locator('input').fill(target.href)
  await card.getByTestId('pgpush-password').locator('input').fill('not-the-password')
  await card.getByTestId('pgpush-run').click()
  const refused = card.getByTestId('pgpush-error')
  await refused.waitFor()
  assert.match(await refused.innerText(), /无法连接 PostgreSQL/)
  assert.ok(!(await refused.innerText()).includes('not-the-password'), 'the error repeats the password')

  await card.getByTestId('pgpush-password').locator('input').fill(password)
  await card.getByTestId('pgpush-run').click()
  const summary = card.getByTestId('pgpush-summary')
  await summary.waitFor()
  assert.match(await summary.innerText(), new RegExp(`已载入 .*/${name}`))
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'exchange-pgpush')
  assert.match(await summary.innerText(), /删除/)
  assert.equal(Number(psql(name, 'SELECT count(*) FROM acedesk.members')), members.length)

  // Another ACE Desk database may not load into the same schema: its IDs
  // would collide with these, and its deletions remove them.
  const otherDB = tempDB(t)
  await run(['demo', '--members', '5', '--db', otherDB])
  const other = await serve(otherDB)
  t.after(() => other.stop())
  const second = await openPage(t, at(other.url, '/exchange'))
  const otherCard = second.page.getByTestId('pgpush-card')
  await otherCard.getByTestId('pgpush-dsn').locator('input').fill(target.href)
  await otherCard.getByTestId('pgpush-password').locator('input').fill(password)
  await otherCard.getByTestId('pgpush-run').click()
  const foreign = otherCard.getByTestId('pgpush-error')
  await foreign.waitFor()
  assert.match(await foreign.innerText(), /存放的是另一个 ACE Desk 数据库（单位密钥 [0-9a-f ]+）的数据/)
  await otherCard.scrollIntoViewIfNeeded()
  await shot(second.page, 'exchange-pgpush-other-source')
  assert.equal(Number(psql(name, 'SELECT count(*) FROM acedesk.members')), members.length)
})
