/**
 * Lighthouse scores (mobile, simulated throttling, lighthouse 12.2.3) for a few pages of the
 * built site, served by `astro preview`. Uses Debian's Chromium when present (CHROMIUM_PATH
 * overrides), as the e2e tests do.
 */
import { spawn } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath, CHROMIUM_FLAGS } from './chromium';

/** Scores 0-100 per category. */
export interface LighthouseScores {
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function runLighthouse(paths: readonly string[], port = 4329): Promise<LighthouseScores[]> {
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}/`;
  const chromePath = chromiumPath();
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    await waitFor(base, 30_000);
    chrome = await chromeLauncher.launch({
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
      ...(chromePath ? { chromePath } : {}),
    });
    const results: LighthouseScores[] = [];
    for (const path of paths) {
      const run = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error' });
      const categories = run?.lhr.categories;
      const score = (key: string) => Math.round((categories?.[key]?.score ?? 0) * 100);
      results.push({
        path: `/${path}`,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      });
    }
    return results;
  } finally {
    await chrome?.kill();
    if (server.pid) process.kill(-server.pid);
  }
}
