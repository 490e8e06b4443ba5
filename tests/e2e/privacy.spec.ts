import { expect, test } from './fixtures';
import { pagesToCheck } from './pages';

// The fixtures fail any test in which a request leaves the origin or the CSP reports a
// violation; this walks every page type and checks the policy each page carries.
for (const { path, pageType } of pagesToCheck()) {
  test(`${pageType} page /${path} carries a strict CSP and stays on this origin`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toBeTruthy();
    const directives = new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name as string, values]),
    );
    expect(directives.get('script-src')).toContain("'self'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    // The policy must come before any script so that it governs them all.
    const order = await page.evaluate(
      () =>
        [...document.head.children].findIndex((el) => el.matches('meta[http-equiv="content-security-policy"]')) <
        [...document.querySelectorAll('script')].reduce(
          (min, s) =>
            Math.min(
              min,
              [...document.head.children].indexOf(s) === -1 ? Infinity : [...document.head.children].indexOf(s),
            ),
          Infinity,
        ),
    );
    expect(order).toBe(true);
  });
}
