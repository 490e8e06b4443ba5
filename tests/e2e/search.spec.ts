import { expect, test } from './fixtures';

test('learner searches from the header with the / shortcut and finds a lesson by a word from its body', async ({
  page,
}) => {
  const searchCode: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) searchCode.push(request.url());
  });
  await page.goto('about/');
  expect(searchCode, 'search code loads only when the learner searches').toEqual([]);

  await page.locator('body').press('/');
  const box = page.getByRole('searchbox', { name: 'Search the site' });
  await expect(box).toBeFocused();
  await box.fill('Shostack');
  await box.press('Enter');

  await expect(page).toHaveURL(/search\/\?q=Shostack$/);
  await expect(page.getByRole('status')).toHaveText(/1 page matches “Shostack”|\d+ pages match “Shostack”/);
  const result = page.getByRole('link', { name: /Start here/ });
  await expect(result).toBeVisible();
  await expect(page.locator('mark').first()).toHaveText(/Shostack/i);
  expect(searchCode.length).toBeGreaterThan(0);
  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: /Start here/ })).toBeVisible();
});

test('the search page searches as the learner types and explains an empty result', async ({ page }) => {
  await page.goto('search/');
  const box = page.getByRole('searchbox', { name: 'Search the lab' });
  await expect(box).toBeFocused();
  await box.fill('zzqxwv');
  await expect(page.getByRole('status')).toContainText('No pages match “zzqxwv”');
  await box.fill('Shostack');
  await expect(page.getByRole('link', { name: /Start here/ })).toBeVisible();
  await expect(page).toHaveURL(/\?q=Shostack$/);
});

test('typing / inside a text field types a slash instead of jumping to search', async ({ page }) => {
  await page.goto('search/');
  const box = page.getByRole('searchbox', { name: 'Search the lab' });
  await expect(box).toBeFocused();
  await box.fill('a');
  await box.press('/');
  await expect(box).toHaveValue('a/');
});
