import { describe, expect, it, vi } from 'vitest'
import { mimeType, saveOrDownload, toBase64 } from '@/files'

const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46])

describe('saveOrDownload', () => {
  it('downloads in the browser and never opens a dialog', async () => {
    const saveFile = vi.fn()
    const download = vi.fn()
    expect(await saveOrDownload('a.pdf', bytes, { desktop: false, saveFile, download })).toEqual({ kind: 'downloaded' })
    expect(download).toHaveBeenCalledWith('a.pdf', bytes)
    expect(saveFile).not.toHaveBeenCalled()
  })

  it('saves through the desktop dialog and returns the path', async () => {
    const saveFile = vi.fn().mockResolvedValue('/home/lead/a.pdf')
    const download = vi.fn()
    expect(await saveOrDownload('a.pdf', bytes, { desktop: true, saveFile, download })).toEqual({ kind: 'saved', path: '/home/lead/a.pdf' })
    expect(saveFile).toHaveBeenCalledWith('a.pdf', bytes)
    expect(download).not.toHaveBeenCalled()
  })

  it('treats a cancelled dialog as no error', async () => {
    const out = await saveOrDownload('a.pdf', bytes, { desktop: true, saveFile: vi.fn().mockResolvedValue(''), download: vi.fn() })
    expect(out).toEqual({ kind: 'cancelled' })
  })

  it('passes a failing save on', async () => {
    const saveFile = vi.fn().mockRejectedValue({ code: 'invalid', reason: 'file_write' })
    await expect(saveOrDownload('a.pdf', bytes, { desktop: true, saveFile, download: vi.fn() })).rejects.toMatchObject({ reason: 'file_write' })
  })
})

describe('toBase64', () => {
  const big = new Uint8Array(70_000).map((_, i) => (i * 7) % 251)
  const decode = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

  it('encodes like Go encodes []byte, through FileReader', async () => {
    expect((bytes as { toBase64?: unknown }).toBase64).toBeUndefined()
    expect(await toBase64(bytes)).toBe('JVBERg==')
    expect(await toBase64(new Uint8Array())).toBe('')
    expect(decode(await toBase64(big))).toEqual(big)
  })

  it("uses the engine's own encoder where it has one", async () => {
    const own = vi.fn(() => 'JVBERg==')
    const withOwn = Object.assign(new Uint8Array(bytes), { toBase64: own })
    expect(await toBase64(withOwn)).toBe('JVBERg==')
    expect(own).toHaveBeenCalledOnce()
  })
})

describe('mimeType', () => {
  it.each([
    ['list.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a.PDF', 'application/pdf'],
    ['certs.zip', 'application/zip'],
    ['noext', 'application/octet-stream'],
  ])('%s is %s', (name, type) => expect(mimeType(name)).toBe(type))
})
