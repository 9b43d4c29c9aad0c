import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

// Every page reads live CMS data, so everything renders on demand. Reading pages that declare
// Astro.cache.set are kept warm by the site's own provider (src/cache/provider.ts): compressed
// once, dropped within seconds when the CMS records a change to what they show.
export default defineConfig({
  output: 'server',
  cache: {
    provider: {
      name: 'exemplar-warm',
      entrypoint: new URL('./src/cache/provider.ts', import.meta.url),
    },
  },
  adapter: node({ mode: 'standalone' }),
  server: {
    port: Number(process.env.SITE_PORT ?? 4321),
    host: process.env.HOST ?? '127.0.0.1',
  },
})
