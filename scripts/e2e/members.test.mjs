// The member roster in a real browser against a real `acedesk serve`:
// empty state, add, validation in Chinese, conflicts, search, edit, archive,
// restart, and finding everything again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { at, expectConsole, expectRefusal, openPage, run, serve, shot, tempDB } from './lib.mjs'

async function waitTotal(page, n) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid=member-total]')?.getAttribute('data-count') === String(want),
    n,
  )
}

// waitRows waits until the table shows exactly these names, in this order.
async function waitRows(page, names) {
  await page.waitForFunction(
    (want) => {
      const rows = [...document.querySelectorAll('[data-testid=member-row]')]
      return JSON.stringify(rows.map((r) => r.querySelector('td')?.textContent ?? '')) === JSON.stringify(want)
    },
    names,
  )
}

async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    await page.getByTestId(`input-${name}`).fill(value)
  }
}

test('a chapter lead manages the roster in the browser, and it survives a restart', async (t) => {
  const db = tempDB(t)
  let server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, at(server.url, '/members'))
  await page.getByTestId('empty-roster').waitFor()
  await shot(page, 'browser-01-empty')

  // Save with nothing: a translated field error, nothing stored.
  expectRefusal(page, 422, 'fields')
  await page.getByTestId('add-member').click()
  await page.getByTestId('member-form').waitFor()
  await fill(page, { phone: '12345' })
  await page.getByTestId('save-member').click()
  const nameError = page.getByTestId('field-name').locator('.n-form-item-feedback__line')
  await nameError.waitFor()
  assert.equal(await nameError.textContent(), '此项必填')
  const phoneError = page.getByTestId('field-phone').locator('.n-form-item-feedback__line')
  assert.match(await phoneError.textContent(), /手机号格式不正确/)
  await shot(page, 'browser-02-validation')
  // What was typed is still there.
  assert.equal(await page.getByTestId('input-phone').inputValue(), '12345')

  await fill(page, { name: '王喆', name_latin: 'Wang Zhe', phone: '13800000001', email: 'zhe@example.com', organization: '云象数据库有限公司', city: '杭州' })
  await page.getByTestId('save-member').click()
  await page.getByTestId('member-form').waitFor({ state: 'detached' })
  await waitTotal(page, 1)

  // The same phone again: a conflict that names the holder; the form keeps its values.
  expectRefusal(page, 409, 'phone_taken')
  await page.getByTestId('add-member').click()
  await fill(page, { name: '李堃', name_latin: 'Li Kun', phone: '+86 138 0000 0001', city: '南京' })
  await page.getByTestId('save-member').click()
  await page.getByText('手机号已被成员「王喆」使用').first().waitFor()
  await shot(page, 'browser-03-conflict')
  assert.equal(await page.getByTestId('input-name').inputValue(), '李堃')
  await page.getByTestId('input-phone').fill('13800000002')
  await page.getByTestId('save-member').click()
  await page.getByTestId('member-form').waitFor({ state: 'detached' })
  await waitTotal(page, 2)

  // Search as you type.
  await page.getByTestId('member-search').fill('喆')
  await waitRows(page, ['王喆Wang Zhe'])
  await page.getByTestId('member-search').fill('likun')
  await waitRows(page, ['李堃Li Kun'])
  await page.getByTestId('member-search').fill('')
  await waitRows(page, ['李堃Li Kun', '王喆Wang Zhe'])

  // Edit.
  await page.getByTestId('member-row').filter({ hasText: '王喆' }).getByTestId('row-edit').click()
  await page.getByTestId('input-city').fill('上海')
  await page.getByTestId('save-member').click()
  await page.getByTestId('member-form').waitFor({ state: 'detached' })
  await page.getByTestId('member-row').filter({ hasText: '王喆' }).filter({ hasText: '上海' }).waitFor()

  // Archive: gone from the roster, present in the archive.
  await page.getByTestId('member-row').filter({ hasText: '李堃' }).getByTestId('row-archive').click()
  await page.locator('.n-popconfirm__action button').last().click()
  await waitTotal(page, 1)
  await waitRows(page, ['王喆Wang Zhe'])
  await page.getByTestId('archive-toggle').click()
  await waitRows(page, ['李堃Li Kun'])
  await shot(page, 'browser-04-archive')
  await page.getByTestId('archive-toggle').click()
  await waitRows(page, ['王喆Wang Zhe'])

  // Restart the server on the same file: everything is still there.
  await server.stop()
  server = await serve(db)
  await page.goto(at(server.url, '/members'))
  await waitTotal(page, 1)
  await page.getByTestId('member-row').filter({ hasText: '王喆' }).filter({ hasText: '上海' }).waitFor()
  await shot(page, 'browser-05-after-restart')

  // The command line sees the same data once the server has let go of the file.
  await server.stop()
  const rows = JSON.parse(await run(['members', 'list', '--json', '--archived', '--db', db]))
  assert.deepEqual(rows.map((r) => [r.name, r.phone, r.city]), [['李堃', '13800000002', '南京']])
})

test('an empty roster offers the demo data, and English is remembered', async (t) => {
  const db = tempDB(t)
  const server = await serve(db)
  t.after(() => server.stop())
  const { browser: b, page } = await openPage(t, at(server.url, '/members'))
  await page.getByTestId('load-demo').click()
  await waitTotal(page, 300)
  assert.equal(await page.getByTestId('member-row').count(), 50)
  await shot(page, 'browser-06-demo')

  await page.getByTestId('nav-settings').click()
  // About names the log beside the database, for a problem report.
  assert.equal(await page.getByTestId('log-path').textContent(), db.replace(/\.db$/, '.log'))
  await page.getByTestId('settings-language').click()
  await page.getByText('English', { exact: true }).click()
  await page.getByTestId('settings-operator').fill('Hangzhou lead')
  await page.getByTestId('save-settings').click()
  await page.getByText('Members', { exact: true }).first().waitFor()

  // A fresh browser (no local storage) gets English from the database.
  const other = await b.newPage({ viewport: { width: 1280, height: 860 } })
  await other.goto(at(server.url, '/members'))
  await other.getByText('Add member').first().waitFor()
  await waitTotal(other, 300)
  await shot(other, 'browser-07-english')
})

test('without the launch key, another account on this computer gets only the page and how to get in', async (t) => {
  const server = await serve(tempDB(t))
  t.after(() => server.stop())
  const bare = new URL(server.url)
  assert.ok(bare.searchParams.get('key'), 'serve prints its address with the launch key')
  bare.search = ''
  const { page } = await openPage(t, at(bare.href, '/members'))
  expectConsole(page, /server responded with a status of 401 \(Unauthorized\)/)
  const lost = page.locator('[data-testid=pair-lost][data-reason=local_key_missing]')
  await lost.waitFor()
  assert.match(await lost.innerText(), /请用启动它时给出的地址打开/)
  assert.equal(await page.getByTestId('pair-device').count(), 0, 'no pairing form on this computer')
  assert.equal(await page.getByTestId('member-row').count(), 0)
  await shot(page, 'local-key-missing')
  // The printed address lets the same browser in, and leaves no key in the address bar.
  await page.goto(at(server.url, '/members'))
  await page.getByTestId('open-import').waitFor()
  assert.equal(new URL(page.url()).search, '')
})
