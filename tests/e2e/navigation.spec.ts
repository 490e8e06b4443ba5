import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('keyboard user skips to content, then moves through a lesson with breadcrumbs and pager', async ({ page }) => {
  await page.goto('learn/beginner/start-here/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link')).toHaveText(['Home', 'Learn', 'Beginner']);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(/Start here/);
  await expect(page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Learn' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await expect(page.getByRole('heading', { name: 'By the end you can' })).toBeVisible();
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/#/);

  await crumbs.getByRole('link', { name: 'Beginner' }).click();
  await expect(page).toHaveURL(/learn\/#beginner$/);
  await expect(page.getByRole('heading', { name: 'Beginner', level: 2 })).toBeVisible();
});

test('the Learn page lists levels and lessons with the status saved in this browser', async ({ page }) => {
  await page.goto('learn/');
  const lesson = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Start here/ }) });
  await expect(lesson).toContainText('Lesson · about 20 minutes');
  await expect(lesson).not.toContainText('In progress');
  await lesson.getByRole('link', { name: /Start here/ }).click();
  await page.waitForURL(/start-here\/$/);
  await page.goBack();
  await expect(lesson).toContainText('In progress');
});

test('the Learn page puts each practice project right after the lessons that prepare it, with its saved score', async ({
  page,
}) => {
  await page.goto('learn/');
  await page.evaluate(() =>
    localStorage.setItem(
      'aitm:v1:progress:projects/stride-medical-imaging',
      JSON.stringify({ status: 'done', bestScore: 0.85, attempts: 2, lastVisited: '2026-11-26T09:00:00.000Z' }),
    ),
  );
  await page.reload();
  const intermediate = page.getByRole('region', { name: 'Intermediate' });
  const titles = (await intermediate.getByRole('listitem').getByRole('heading', { level: 3 }).allTextContents()).map(
    (t) => t.trim(),
  );
  const project = titles.findIndex((t) => t.startsWith('Project 1:'));
  expect(project).toBeGreaterThan(0);
  expect(titles[project - 1]).toMatch(/^STRIDE-AI/);
  const card = intermediate.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Project 1:/ }) });
  await expect(card).toContainText('Practice project');
  await expect(card).toContainText('about 90 minutes');
  await expect(card).toContainText('Done · best 85%');
});

test('an unknown address shows a helpful 404 page', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  const search = page.getByRole('search', { name: 'Find the page' });
  await search.getByLabel('Search for it').fill('STRIDE');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/search\/\?q=STRIDE/);
});

test('every page works at 360 px wide without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of [
    '',
    'learn/',
    'learn/beginner/start-here/',
    'progress/',
    'search/',
    'about/',
    'reference/',
    'reference/atlas/',
    'reference/atlas/techniques/AML.T0043.004/',
    'reference/stride-ai/',
    'reference/owasp/llm-top-10/',
    'reference/ai-rmf/measure/',
    'reference/glossary/',
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `horizontal overflow on /${path}`).toBeLessThanOrEqual(0);
    // The sections sit behind the menu at this width.
    await page.getByText('Menu', { exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Primary' })).toBeVisible();
  }
});

test('the header is one row of at most 64 px on a phone and a wide screen; on the phone the menu holds the sections and search', async ({
  page,
}) => {
  const header = page.getByRole('banner');
  for (const width of [390, 1280, 1440, 1920]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto('learn/beginner/start-here/');
    const box = await header.boundingBox();
    expect(box?.height ?? 999, `header at ${width} px`).toBeLessThanOrEqual(64);
    // On wide screens the sections and search are in the row itself.
    if (width >= 1280) {
      await expect(
        header.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'Progress' }),
      ).toBeVisible();
      await expect(header.getByRole('searchbox', { name: 'Search the site' })).toBeVisible();
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('learn/beginner/start-here/');
  await expect(page.getByRole('navigation', { name: 'Primary' })).toBeHidden();
  // The lesson starts on the first screen instead of below a 252 px header.
  const title = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(title?.y ?? 999).toBeLessThan(300);
  await page.getByText('Menu', { exact: true }).click();
  const menu = page.getByRole('navigation', { name: 'Primary' });
  await expect(menu).toBeVisible();
  expect((await new AxeBuilder({ page }).include('header').analyze()).violations.map((v) => v.id)).toEqual([]);
  await menu.getByRole('link', { name: 'Reference' }).click();
  await expect(page).toHaveURL(/reference\/$/);
  await page.getByText('Menu', { exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('poisoning');
  await page.getByRole('searchbox', { name: 'Search the site' }).press('Enter');
  await expect(page).toHaveURL(/search\/\?q=poisoning/);
});

test('projects are listed in their numbered order on the Projects page and in room setup, which starts on Project 1', async ({
  page,
}) => {
  await page.goto('projects/');
  const titles = page.getByRole('main').getByRole('heading', { level: 2, name: /^Project \d/ });
  await expect(titles).toHaveText([/Project 1:/, /Project 2:/, /Project 3:/]);
  await page.goto('workshops/room/');
  const project = page.getByRole('combobox', { name: 'Project or lab' });
  // The projects first, in their order, then the labs in their own group.
  await expect(project.locator('optgroup[label="Practice projects"] option')).toHaveText([
    /Project 1:/,
    /Project 2:/,
    /Project 3:/,
  ]);
  expect(await project.locator('optgroup[label="Labs"] option').count()).toBeGreaterThanOrEqual(5);
  await expect(project).toHaveValue('stride-medical-imaging');
});

test('on a wide screen a lesson sits between the course outline and an "On this page" that stays in view, at its reading measure', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('learn/beginner/start-here/');
  await page.evaluate(() =>
    localStorage.setItem(
      'aitm:v1:progress:lessons/beginner/start-here',
      JSON.stringify({ status: 'done', bestScore: 0.9, attempts: 1, lastVisited: '2026-12-01T00:00:00.000Z' }),
    ),
  );
  await page.goto('learn/intermediate/stride-ai/');
  const outline = page.getByRole('navigation', { name: 'Course outline' });
  await expect(outline.getByRole('link', { name: /^STRIDE-AI/ })).toHaveAttribute('aria-current', 'page');
  // Done and in-progress marks: the words stay for screen readers.
  await expect(outline.getByRole('listitem').filter({ hasText: /Start here:/ })).toContainText('Done');
  await expect(outline.getByRole('link', { name: /^Project 1:/ })).toBeVisible();

  const contents = page.getByRole('navigation', { name: 'On this page' });
  await expect(contents).toHaveCount(1);
  await page.getByRole('heading', { name: 'Sources', level: 2 }).scrollIntoViewIfNeeded();
  await expect(contents).toBeInViewport();
  await expect(outline).toBeInViewport();
  const prose = await page.locator('.lesson .prose').boundingBox();
  expect(prose?.width).toBeLessThanOrEqual(820);

  // Narrower, the lesson stands alone and "On this page" sits under its header.
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(outline).toBeHidden();
  await expect(contents).toHaveCount(1);
  await expect(contents).toBeVisible();
});
