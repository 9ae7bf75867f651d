/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// In `npm run dev` without Wails, set ACE_API_URL (e.g. http://127.0.0.1:8787)
// to forward /api to a running `ace serve`.
const apiTarget = process.env.ACE_API_URL

export default defineConfig({
  plugins: [vue()],
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
