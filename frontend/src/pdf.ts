// Rendering a PDF's first page to a canvas with pdf.js. Loaded on demand so
// pdf.js stays out of the other pages' bundle.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { downloadBlob } from './saveFile'

/** Draws page 1 of the PDF bytes into canvas, `width` CSS pixels wide. */
export async function renderFirstPage(bytes: Uint8Array, canvas: HTMLCanvasElement, width: number): Promise<void> {
  const pdfjs = await import('pdfjs-dist')
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl
  const doc = await pdfjs.getDocument({ data: bytes }).promise
  try {
    const page = await doc.getPage(1)
    const base = page.getViewport({ scale: 1 })
    const ratio = window.devicePixelRatio || 1
    const viewport = page.getViewport({ scale: (width / base.width) * ratio })
    canvas.width = Math.floor(viewport.width)
    canvas.height = Math.floor(viewport.height)
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d context')
    await page.render({ canvas, canvasContext: ctx, viewport }).promise
  } finally {
    void doc.destroy()
  }
}

/** Offers bytes as a file download through a Blob link. */
export function downloadBytes(name: string, bytes: Uint8Array): void {
  const type = name.endsWith('.zip') ? 'application/zip' : 'application/pdf'
  downloadBlob(name, new Blob([bytes as BlobPart], { type }))
}
