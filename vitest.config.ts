import { defineConfig } from 'vitest/config'

/**
 * One suite, three projects: pure logic beside the code (fast), Payload
 * Local-API integration on a fresh database per file (one file at a time,
 * SQLite allows one writer), and HTTP tests that boot the built CMS and site.
 * TEST_DATABASE_URI=mongodb://… runs the integration project against MongoDB.
 */
export default defineConfig({
  test: {
    // CI prints a plain "N passed, N failed" line from this file.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'cms/src/**/*.test.ts',
            'site/src/**/*.test.ts',
            'seed/src/**/*.test.ts',
            'plugins/*/src/**/*.test.ts',
            'packages/*/src/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'int',
          environment: 'node',
          include: ['tests/int/**/*.int.spec.ts', 'plugins/*/test/**/*.int.spec.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'http',
          environment: 'node',
          include: ['tests/http/**/*.http.spec.ts'],
          globalSetup: ['tests/http/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
