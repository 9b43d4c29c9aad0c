import { defineConfig } from 'vitest/config'

/**
 * One suite, three projects: pure logic beside the code (fast), Payload
 * Local-API integration on a fresh database per file (a database of its
 * own, so two files may run at once), and HTTP tests that boot the built CMS and site.
 * TEST_DATABASE_URI=mongodb://… runs the integration project against MongoDB.
 *
 * Vitest's default of cores − 1 workers is one worker on a 2-core machine,
 * and ran the three projects one after another. Two workers run the unit
 * and integration files first (groupOrder 0); the HTTP files then run one
 * at a time (groupOrder 1) against the one seeded stack, so the browser
 * tests' timing does not share the machine with them.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    // CI prints a plain "N passed, N failed" line from this file.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 0 },
          include: ['tests/int/**/*.int.spec.ts', 'plugins/*/test/**/*.int.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'http',
          environment: 'node',
          sequence: { groupOrder: 1 },
          include: ['tests/http/**/*.http.spec.ts'],
          globalSetup: ['tests/http/globalSetup.ts'],
          setupFiles: ['tests/http/waitForStack.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
