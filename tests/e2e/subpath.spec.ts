import { expect, test } from './fixtures';

// The site deployed under /lab/ (GitHub Pages style): links, search results and progress all
// have to carry the base path.
test('under a sub-path, a learner navigates, searches and sees progress', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveURL(/\/lab\/$/);
  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page).toHaveURL(/\/lab\/learn\/$/);
  await page.getByRole('link', { name: /Start here/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Start here/ })).toBeVisible();

  const box = page.getByRole('searchbox', { name: 'Search the site' });
  await box.fill('Shostack');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/lab\/search\/\?q=Shostack/);
  const result = page.getByRole('main').getByRole('link', { name: /Start here/ });
  await expect(result).toHaveAttribute('href', /^\/lab\/learn\/beginner\/start-here\//);
  await result.click();

  await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page).toHaveURL(/\/lab\/progress\/$/);
  await expect(page.getByRole('row', { name: /Start here/ }).getByText('In progress')).toBeVisible();
});
