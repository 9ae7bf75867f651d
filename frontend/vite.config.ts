/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

// In `npm run dev` without Wails, set ACE_API_URL (e.g. http://127.0.0.1:8787)
// to forward /api to a running `ace serve`.
const apiTarget = process.env.ACE_API_URL

// Naive UI (2.45) leaves out what ARIA requires of a few of its parts, and
// takes no prop to add it (axe: aria-required-attr and aria-dialog-name,
// both serious or worse): a card's header, and the title inside it, are
// headings without a level (a card's title is a heading under the page's
// h1: level 2); a modal card and a dialog are dialogs without a name (their
// title names them). The build fails if a new Naive UI renders these
// otherwise, so that this is looked at again. `npm run dev` serves the
// pre-bundled Naive UI, without these.
const NAIVE_PATCHES: { file: RegExp; from: string; to: string }[] = [
  { file: /naive-ui\/es\/card\/src\/Card\.mjs$/, from: 'role: "heading"', to: 'role: "heading", "aria-level": 2' },
  {
    file: /naive-ui\/es\/card\/src\/Card\.mjs$/,
    from: 'role: this.role',
    to: 'role: this.role, "aria-label": this.role === "dialog" && typeof this.title === "string" ? this.title : void 0',
  },
  {
    file: /naive-ui\/es\/dialog\/src\/Dialog\.mjs$/,
    from: 'role: "dialog"',
    to: 'role: "dialog", "aria-label": typeof this.title === "string" ? this.title : void 0',
  },
]

function naiveAria(): Plugin {
  return {
    name: 'acedesk-naive-aria',
    transform(code, id) {
      const patches = NAIVE_PATCHES.filter((p) => p.file.test(id))
      if (!patches.length) return null
      for (const p of patches) {
        if (!code.includes(p.from)) this.error(`naive-ui: no ${p.from} in ${id} to patch`)
        code = code.replaceAll(p.from, p.to)
      }
      return { code, map: null }
    },
  }
}

export default defineConfig({
  plugins: [vue(), naiveAria()],
  // Relative asset URLs: the bundle works from the Wails asset server and
  // from any path the Go server mounts it under.
  base: './',
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: apiTarget ? { proxy: { '/api': { target: apiTarget, changeOrigin: true } } } : {},
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
  },
})
