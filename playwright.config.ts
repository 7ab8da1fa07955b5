import { defineConfig } from '@playwright/test';

/** Debian's Chromium, never a downloaded browser (see RECIPES / README). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'artifacts/test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'artifacts/playwright-report.json' }]],
  use: {
    viewport: { width: 1200, height: 800 },
    launchOptions: { executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    // ONRAMP_LIVE_RUN_APART=1: `npm test` runs e2e/aws-live.spec.ts on its own against the AWS API emulator (.ci/moto.mjs).
    { name: 'chromium', testIgnore: process.env['ONRAMP_LIVE_RUN_APART'] === '1' ? [/electron-smoke/, /aws-live/] : /electron-smoke/ },
    { name: 'electron', testMatch: /electron-smoke/ },
  ],
});
