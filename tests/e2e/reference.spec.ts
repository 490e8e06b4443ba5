import { expect, test } from './fixtures';

test('learner filters the ATLAS matrix, opens a technique, follows a mitigation and lands on a related OWASP item', async ({
  page,
}) => {
  await page.goto('reference/');
  await page.getByRole('link', { name: 'MITRE ATLAS matrix' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'MITRE ATLAS matrix' })).toBeVisible();

  const filter = page.getByRole('searchbox', { name: 'Filter techniques' });
  const status = page.getByRole('search', { name: 'Filter the matrix' }).getByRole('status');
  await expect(status).toHaveText('All 208 techniques and sub-techniques shown.');
  // A former name still finds the technique.
  await filter.fill('ML Model Inference API');
  await expect(status).toHaveText('1 of 208 techniques and sub-techniques match, in 1 tactic.');
  const matrix = page.getByRole('region', { name: /ATLAS matrix/ });
  await expect(matrix.getByRole('heading', { level: 2 })).toHaveText([/AI Model Access/]);

  // Sub-techniques open when one of them matches.
  await filter.fill('backdoor trigger');
  await expect(matrix.getByRole('link', { name: 'Insert Backdoor Trigger' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'demonstrated' }).uncheck();
  await page.getByRole('checkbox', { name: 'feasible' }).uncheck();
  await page.getByRole('checkbox', { name: 'realized' }).uncheck();
  await expect(status).toContainText('No technique matches');
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(status).toHaveText('All 208 techniques and sub-techniques shown.');

  await filter.fill('inference API access');
  await matrix.getByRole('link', { name: 'AI Model Inference API Access' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI Model Inference API Access' })).toBeVisible();
  await expect(page.getByText('Formerly: ML Model Inference API Access.')).toBeVisible();
  await expect(page.getByText('AML.T0040 · MITRE ATLAS 2026.09')).toBeVisible();

  await page.getByRole('link', { name: /AI Telemetry Logging/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AI Telemetry Logging' })).toBeVisible();
  // A 2026 item: its link names the 2026 ID first, then the 2025 one.
  const item = page.getByRole('link', { name: /\(LLM\d{2}:2026;/ }).first();
  const name = ((await item.textContent()) ?? '').split(' (')[0] ?? '';
  await item.click();
  await expect(page).toHaveURL(/reference\/owasp\/llm-top-10\/#llm\d{2}-2026$/);
  const target = page.locator(':target');
  await expect(target).toContainText(name);
  await expect(target).toBeInViewport();
});

test('the matrix follows the 2026.09 column order: AI Attack Adaptation, formerly AI Attack Staging, is third', async ({
  page,
}) => {
  await page.goto('reference/atlas/');
  const matrix = page.getByRole('region', { name: /ATLAS matrix/ });
  const columns = matrix.getByRole('heading', { level: 2 });
  await expect(columns).toHaveCount(16);
  await expect(columns.nth(0)).toHaveText(/Reconnaissance/);
  await expect(columns.nth(1)).toHaveText(/Resource Development/);
  await expect(columns.nth(2)).toHaveText(/AI Attack Adaptation/);
  await expect(columns.nth(3)).toHaveText(/Initial Access/);
  await expect(columns.last()).toHaveText(/Impact/);
  // The filter finds the tactic's new techniques by the former tactic name's successor and a technique by the ID it replaced.
  const filter = page.getByRole('searchbox', { name: 'Filter techniques' });
  const status = page.getByRole('search', { name: 'Filter the matrix' }).getByRole('status');
  await filter.fill('AML.T0058');
  await expect(status).toHaveText('1 of 208 techniques and sub-techniques match, in 1 tactic.');
  await expect(matrix.getByRole('link', { name: 'Models' })).toBeVisible();
  await matrix.getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  await expect(
    page.getByText(/New in ATLAS 2026\.09\. Takes the place of Publish Poisoned Models, removed in ATLAS 2026\.07\./),
  ).toBeVisible();
});

test('an old link to a removed technique says what replaced it and leads to the successor and to What changed', async ({
  page,
}) => {
  await page.goto('reference/atlas/techniques/AML.T0058/');
  await expect(page.getByRole('heading', { level: 1, name: 'Publish Poisoned Models (removed)' })).toBeVisible();
  await expect(
    page.getByText('AML.T0058 · last in ATLAS 5.6.0 · removed in ATLAS 2026.07 · not in MITRE ATLAS 2026.09'),
  ).toBeVisible();
  await page.getByRole('link', { name: /What changed in ATLAS 2026\.09/ }).click();
  await expect(page).toHaveURL(/reference\/what-changed\/#atlas$/);
  await expect(page.getByRole('heading', { level: 1, name: 'What changed' })).toBeVisible();

  const removed = page.getByRole('table', { name: /Removed in ATLAS 2026\.07/ });
  await expect(removed.getByRole('row')).toHaveCount(4);
  const row = removed.getByRole('row', { name: /AML\.T0058/ });
  await expect(row).toContainText('Publish Poisoned Models');
  await row.getByRole('link', { name: /Publish Poisoned AI Artifacts: Models \(AML\.T0115\.001\)/ }).click();
  await expect(page).toHaveURL(/techniques\/AML\.T0115\.001\/$/);

  await page.goto('reference/what-changed/');
  const renamed = page.getByRole('table', { name: /Same ID, new name/ });
  const tactic = renamed.getByRole('row', { name: /AML\.TA0001/ }).getByRole('cell');
  await expect(tactic).toHaveText(['tactic', 'AI Attack Staging', 'AI Attack Adaptation']);
  const owasp = page.getByRole('table', { name: 'Each 2026 entry and the closest 2025 entry' });
  await expect(owasp.getByRole('row', { name: /LLM03:2026/ })).toContainText('LLM06:2025');
  await expect(owasp.getByRole('row', { name: /LLM03:2026/ })).toContainText('renumbered');
});

test('the LLM Top 10 page shows each 2026 item beside its 2025 ID', async ({ page }) => {
  await page.goto('reference/owasp/llm-top-10/');
  const table = page.getByRole('table', { name: '2026 and 2025 IDs side by side' });
  const row = table.getByRole('row', { name: /LLM03:2026/ });
  await expect(row).toContainText('Excessive Agency');
  await expect(row).toContainText('LLM06:2025');
  await row.getByRole('link', { name: /LLM06:2025/ }).click();
  await expect(page.locator(':target')).toContainText('Excessive Agency');
});

test('search finds a technique by its ID and by its name', async ({ page }) => {
  await page.goto('search/?q=AML.T0040');
  const first = page.getByRole('main').getByRole('listitem').first().getByRole('link');
  await expect(first).toHaveText('AI Model Inference API Access');
  // A query that names one page puts it first, above the lessons that mention it.
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Best match');
  await expect(page.getByRole('heading', { name: /^Lessons \(\d+\)$/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the lab' }).fill('inference API access');
  await expect(first).toHaveText('AI Model Inference API Access');
  await first.click();
  await expect(page).toHaveURL(/techniques\/AML\.T0040\/$/);
});

test('search finds a removed technique by its old ID and its old name, and a renamed one by its former name', async ({
  page,
}) => {
  await page.goto('search/?q=AML.T0058');
  const results = page.getByRole('main').getByRole('listitem');
  await expect(results.first().getByRole('link')).toHaveText('Publish Poisoned Models (removed)');
  await page.getByRole('searchbox', { name: 'Search the lab' }).fill('Publish Poisoned Datasets');
  await expect(results.getByRole('link', { name: 'Publish Poisoned Datasets (removed)' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the lab' }).fill('Restrict Number of AI Model Queries');
  await expect(results.first().getByRole('link')).toHaveText('Limit AI Service Query Volume and Rate');
});

test('a glossary term in a lesson shows its definition on keyboard focus, and Escape hides it', async ({ page }) => {
  await page.goto('learn/beginner/start-here/');
  const term = page.getByRole('link', { name: 'backdoor', exact: true });
  await term.focus();
  const tip = page.getByRole('tooltip').filter({ hasText: /^Backdoor/ });
  await expect(tip).toBeVisible();
  await expect(term).toHaveAccessibleDescription(/Backdoor/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await term.click();
  await expect(page).toHaveURL(/reference\/glossary\/#backdoor$/);
  await expect(page.locator(':target')).toHaveText(/Backdoor/);
});

test('an AI RMF subcategory link lands on its section with the evidence note', async ({ page }) => {
  await page.goto('learn/beginner/start-here/');
  await page.getByRole('link', { name: /MEASURE 2\.7/ }).click();
  await expect(page).toHaveURL(/reference\/ai-rmf\/measure\/#measure-2-7$/);
  const section = page.getByRole('article').filter({ has: page.locator(':target') });
  await expect(section).toContainText('Evidence in practice:');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('MEASURE');
});
