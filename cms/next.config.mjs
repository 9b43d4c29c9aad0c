// Plain JavaScript on purpose: a next.config.ts makes every server start load
// Next's SWC compiler (about 30 MB resident) just to read this file.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  // The workspace root holds the hoisted node_modules.
  turbopack: { root: path.resolve(dirname, '..') },
  outputFileTracingRoot: path.resolve(dirname, '..'),
  // Plugins are TypeScript workspace packages.
  transpilePackages: [
    '@exemplar/domain',
    '@exemplar/http',
    '@exemplar/plugin-participants',
    '@exemplar/plugin-submissions',
    '@exemplar/plugin-voting',
  ],
  // Certificates print through Debian's Chromium: Playwright stays a plain Node package.
  serverExternalPackages: ['playwright-core'],
  poweredByHeader: false,
  // The CMS origin has no pages of its own: its root is the admin.
  redirects: async () => [{ source: '/', destination: '/admin', permanent: false }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
