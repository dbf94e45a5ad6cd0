import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

export default defineConfig({
  plugins: [
    vue(),
    VitePWA({
      // 'prompt', never 'autoUpdate': an automatic reload would throw away a half-written form.
      registerType: 'prompt',
      injectRegister: false,
      // Our own worker (src/client/pwa/sw.ts): precaching plus Background Sync of the outbox.
      strategies: 'injectManifest',
      srcDir: 'src/client/pwa',
      filename: 'sw.ts',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Golden Thread',
        short_name: 'Golden Thread',
        description: "Your organisation's plan, your team's priorities and your actions, with or without signal.",
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1b2b4b',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
      },
    }),
  ],
  server: { proxy: { '/api': 'http://localhost:8080' } },
  // The manifest lets the benchmark tell which chunks the first screen loads.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    // zod-config.ts must run before any chunk that builds a schema: alone in its chunk, it is the entry's first import.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zod-config', test: /zod-config/ }] } } },
  },
})
