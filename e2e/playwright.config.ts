import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright cannot download its browsers here: use Debian's Chromium where it is installed.
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './browser',
  testMatch: '**/*.spec.ts',
  // One production start of the whole product, shared by every spec.
  globalSetup: './browser/support/global-setup.ts',
  outputDir: './test-results/playwright',
  // The specs share one product and database; one worker keeps their data from interleaving.
  workers: 1,
  // A test that passes only on a second try hides a bug: no retries, anywhere. What a retry
  // covered for was time: on this 2-core machine, busy with other work, a page's first load and
  // hydration took up to 15 s and a test up to 32 s (against 10 s and 30 s allowed), so each
  // step now gets the time such a machine needs; a broken page still fails, only later.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // Toasts (and the rest) appear without their fade: axe then measures the colors a reader
    // sees, not a frame of the animation.
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
