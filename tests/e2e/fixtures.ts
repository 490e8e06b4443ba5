/**
 * Every e2e test runs with guards that fail it when the site breaks its promises: a request
 * leaving the origin, a Content Security Policy violation, or an uncaught error in the page.
 */
import { test as base, expect, type Page } from '@playwright/test';

interface Guards {
  /** Requests to any other origin (they are blocked, then reported). */
  externalRequests: string[];
  /** CSP violations and uncaught page errors. */
  pageProblems: string[];
  /** URL parts whose error responses a test causes on purpose (to see how the page copes). */
  expectedFailures: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      const guards: Guards = { externalRequests: [], pageProblems: [], expectedFailures: [] };
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
          return route.continue();
        guards.externalRequests.push(url);
        return route.abort('blockedbyclient');
      });
      await context.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
        });
      });
      const watch = (page: Page) => {
        page.on('pageerror', (error) => guards.pageProblems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
          // Failed loads are reported by URL below; the console line has no URL.
          if (message.text().startsWith('Failed to load resource')) return;
          if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) {
            guards.pageProblems.push(`console ${message.type()}: ${message.text()}`);
          }
        });
        // A missing page may be the point of a test; a missing script, style or index is a bug.
        page.on('response', (response) => {
          const expected = guards.expectedFailures.some((part) => response.url().includes(part));
          if (response.status() >= 400 && !response.request().isNavigationRequest() && !expected) {
            guards.pageProblems.push(`HTTP ${response.status()} for ${response.url()}`);
          }
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use(guards);
      for (const page of context.pages()) {
        if (page.isClosed()) continue;
        const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
        guards.pageProblems.push(...violations.map((v) => `CSP: ${v}`));
      }
      expect(guards.externalRequests, 'requests that left the origin').toEqual([]);
      expect(guards.pageProblems, 'CSP violations and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Everything the site stored in this page's localStorage, keyed by full key. */
export function dumpStorage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith('aitm:')) out[key] = localStorage.getItem(key) ?? '';
    }
    return out;
  });
}
