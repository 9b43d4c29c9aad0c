import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

// Every page reads live CMS data, so everything renders on demand; caching is left to HTTP headers.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: {
    port: Number(process.env.SITE_PORT ?? 4321),
    host: process.env.HOST ?? '127.0.0.1',
  },
})
