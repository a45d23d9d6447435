import { defineConfig } from '@playwright/test';

/**
 * Playwright `_electron` tests of the packaged-layout app (out/ from `electron-vite build`).
 * They need the Electron binary, which cannot be downloaded on the development machines: there
 * they skip; the GitHub Actions workflow runs them under xvfb with a real secret store.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
