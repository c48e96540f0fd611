import { defineConfig } from 'vitest/config';

// One runner for everything. Three projects form the pyramid:
// unit (pure domain), integration (HTTP against real SQLite and PostgreSQL), e2e (Chromium).
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 300_000,
          // Waiting for a condition must not fail because the machine is busy: a poll gives up only
          // well after any normal answer (the default 1 s is a timing assumption).
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
