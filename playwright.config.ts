import { defineConfig, devices } from '@playwright/test';
import { chromiumPath, CHROMIUM_FLAGS } from './scripts/lib/chromium';

const port = Number(process.env['E2E_PORT'] ?? 4321);
const baseURL = `http://127.0.0.1:${port}/`;
// The same site built under a sub-path (dist-lab/, made by `npm run test:links`).
const subpathPort = port + 1;
const subpathURL = `http://127.0.0.1:${subpathPort}/lab/`;

const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env['E2E_WORKERS'] ? Number(process.env['E2E_WORKERS']) : 2,
  reporter: [['list']],
  // Timeouts only catch hangs. CI machines have two cores shared by two browsers, where a large
  // page's axe scan or a long journey can take twice as long as on a laptop.
  timeout: process.env['CI'] ? 60_000 : 30_000,
  expect: { timeout: process.env['CI'] ? 10_000 : 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: 'site', testIgnore: /subpath\.spec\.ts/ },
    { name: 'subpath', testMatch: /subpath\.spec\.ts/, use: { baseURL: subpathURL } },
  ],
  webServer: [
    {
      // Tests run against the built site (npm run build first), served as a static host would.
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      url: baseURL,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx astro preview --host 127.0.0.1 --port ${subpathPort} --outDir dist-lab`,
      url: subpathURL,
      env: { BASE_PATH: '/lab/' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
