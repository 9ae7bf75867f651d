// Spreadsheet imports in a real browser against a real `acedesk serve`,
// starting from an empty database: a roster in GBK with Chinese headers from
// the Members page, then groups with their leads from the Groups page (a
// file with a bad row first: nothing imports until it is fixed).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openPage, serve, shot, tempDB } from './lib.mjs'

// gbk encodes text as Excel and WPS save CSV on a Chinese Windows: Node
// decodes GBK but does not encode it, so invert the decoder's table.
function gbk(text) {
  const decoder = new TextDecoder('gbk')
  const table = new Map()
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.of(hi, lo))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo])
    }
  }
  const out = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else if (table.has(ch)) out.push(...table.get(ch))
    else throw new Error(`${ch} has no GBK code`)
  }
  return Uint8Array.from(out)
}

// chooseFile opens the page's import dialog on file and waits for its dry run.
async function chooseFile(page, file, summary) {
  await page.getByTestId('import-file').setInputFiles(file)
  await page.waitForFunction(
    (want) => Object.entries(want).every(([k, v]) => document.querySelector('[data-testid=import-summary]')?.getAttribute(`data-${k}`) === String(v)),
    summary,
  )
}

// settled waits until the page's transitions (the dialog fading in, the
// spinner fading out) are over, for a screenshot of what the user reads.
const settled = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))

test('a secretary imports the roster, then the groups with their leads', async (t) => {
  const db = tempDB(t)
  const dir = dirname(db)
  const year = new Date().getFullYear()
  const roster = join(dir, '名册.csv')
  writeFileSync(roster, gbk('姓名,手机,城市\r\n韩梅梅,13912340001,杭州\r\n李雷,13912340002,上海\r\n'))
  const badGroups = join(dir, '工作组（有误）.csv')
  writeFileSync(badGroups, `委员会,工作组,年度,组长手机\n宣传委员会,杭州用户组,${year},13912340001\n地区用户委员会,上海用户组,${year},13912340002\n`)
  const groups = join(dir, '工作组.csv')
  writeFileSync(groups, `委员会,工作组,年度,组长手机\n地区用户委员会,杭州用户组,${year},13912340001\n地区用户委员会,上海用户组,${year},13912340002\n`)

  const server = await serve(db)
  t.after(() => server.stop())
  const { page } = await openPage(t, server.url)

  // The roster: an empty database offers the import next to the empty page.
  await page.getByTestId('nav-members').click()
  await page.getByTestId('empty-roster').waitFor()
  await page.getByTestId('open-import').click()
  await page.locator('[data-testid=import-dialog][data-kind=members]').waitFor()
  await chooseFile(page, roster, { new: 2, updated: 0, errors: 0 })
  const first = page.locator('[data-testid=import-row][data-row="2"][data-outcome=new]')
  assert.match(await first.textContent(), /2\s*新增\s*韩梅梅\s*加入名册/)
  assert.match(await page.getByTestId('import-apply').textContent(), /导入 2 条/)
  await settled(page)
  await shot(page, 'browser-40-import-members')
  await page.getByTestId('import-apply').click()
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
  await page.locator('[data-testid=member-total][data-count="2"][data-busy=false]').waitFor()
  for (const name of ['韩梅梅', '李雷']) await page.locator('[data-testid=member-row]', { hasText: name }).waitFor()
  assert.match(await page.locator('[data-testid=member-row]', { hasText: '韩梅梅' }).textContent(), /杭州.*13912340001/)

  // Groups: a file with a bad row shows it by its row number and imports nothing.
  await page.getByTestId('nav-groups').click()
  await page.getByTestId('groups-empty').waitFor()
  await page.getByTestId('open-import').click()
  await page.locator('[data-testid=import-dialog][data-kind=groups]').waitFor()
  await chooseFile(page, badGroups, { new: 1, errors: 1 })
  const bad = page.locator('[data-testid=import-row][data-row="2"][data-outcome=error]')
  assert.match(await bad.textContent(), /^2\s*错误\s*杭州用户组\s*没有名为「宣传委员会」的委员会$/)
  assert.match(await page.locator('[data-testid=import-row][data-row="3"][data-outcome=new]').textContent(), /上海用户组\s*组长：李雷/)
  await page.getByTestId('import-has-errors').waitFor()
  assert.equal(await page.getByTestId('import-apply').isDisabled(), true)
  await settled(page)
  await shot(page, 'browser-41-import-groups-error')

  // The fixed file imports.
  await chooseFile(page, groups, { new: 2, errors: 0 })
  assert.match(await page.locator('[data-testid=import-row][data-row="2"][data-outcome=new]').textContent(), /杭州用户组\s*组长：韩梅梅/)
  assert.equal(await page.getByTestId('import-apply').isDisabled(), false)
  await settled(page)
  await shot(page, 'browser-42-import-groups')
  await page.getByTestId('import-apply').click()
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
  const hangzhou = page.locator('[data-testid=committee-regional] [data-testid=group-row]', { hasText: '杭州用户组' })
  assert.equal(await hangzhou.getByTestId('group-lead-name').textContent(), '韩梅梅')
  assert.equal(await page.locator('[data-testid=group-row]', { hasText: '上海用户组' }).getByTestId('group-lead-name').textContent(), '李雷')
  await settled(page)
  await shot(page, 'browser-43-groups-imported')
})
