/** Project 1 helpers shared by the e2e journeys: example rows and how to fill them in. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const PROJECT = 'projects/stride-medical-imaging/';

export interface RowInput {
  component: string;
  category: string;
  threat: string;
  impact: string;
  likelihood: string;
  severity: string;
  mitigation: string;
}

export const ROWS: RowInput[] = [
  {
    component: 'Imaging research archive',
    category: 'T: Tampering',
    threat: 'A rogue reader at the labeling contractor flips pneumothorax labels to normal',
    impact: 'The next model misses collapsed lungs',
    likelihood: '2 Medium',
    severity: '3 High',
    mitigation: 'Individual accounts per labeler and second-reader spot checks of contractor labels',
  },
  {
    component: 'Public pre-trained backbone',
    category: 'E: Elevation of privilege',
    threat: 'The pickle checkpoint runs arbitrary code when the training job loads it',
    impact: 'Attacker controls the GPU cluster',
    likelihood: '2 Medium',
    severity: '3 High',
    mitigation: 'Convert to safetensors and pin the verified hash',
  },
  {
    component: 'Triage inference API',
    category: 'S: Spoofing',
    threat: 'Anyone with the shared static API key can impersonate the PACS router',
    impact: 'Fake studies are scored and results read',
    likelihood: '2 Medium',
    severity: '2 Medium',
    mitigation: 'Mutual TLS with per-client certificates',
  },
  {
    component: 'Triage inference API',
    category: 'D: Denial of service',
    threat: 'A client floods the API with requests because there is no rate limit',
    impact: 'Urgent studies are not flagged in time',
    likelihood: '2 Medium',
    severity: '2 Medium',
    mitigation: 'Per-client rate limiting and fall back to the normal worklist order',
  },
  // Filed under the wrong category on purpose: the journey fixes it later.
  {
    component: 'Monitoring and feedback service',
    category: 'I: Information disclosure',
    threat: 'Disagree clicks from a compromised account poison the feedback loop before the quarterly retraining',
    impact: 'The next model under-flags urgent findings',
    likelihood: '2 Medium',
    severity: '3 High',
    mitigation: 'Review feedback before retraining and limit feedback per user',
  },
  {
    component: 'Monitoring and feedback service',
    category: 'R: Repudiation',
    threat: 'Predictions are not logged with the model version, so nobody can prove which model scored a study',
    impact: 'Incident reviews cannot reconstruct what happened',
    likelihood: '2 Medium',
    severity: '2 Medium',
    mitigation: 'Append-only audit log recording the model version with each prediction',
  },
];

/** Scrolls to the exercise, which loads as it comes into view (below the scenario, or a room notice). */
export async function toExercise(page: Page) {
  await page.getByRole('heading', { name: 'Your analysis', exact: true }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Add a threat' })).toBeEnabled();
}

export async function openProject(page: Page) {
  await page.goto(PROJECT);
  await toExercise(page);
}

export function row(page: Page, n: number): Locator {
  return page.getByRole('group', { name: new RegExp(`^Threat ${n}\\b`) });
}

/** Opens a row that is folded to one line (a saved or imported analysis comes back folded). */
export async function openRow(page: Page, n: number): Promise<void> {
  const toggle = row(page, n).getByRole('button', { name: new RegExp(`^Threat ${n}\\b`) });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export async function fillRow(page: Page, n: number, input: RowInput) {
  const r = row(page, n);
  await r.getByLabel('Component').selectOption({ label: input.component });
  await r.getByLabel('STRIDE category').selectOption({ label: input.category });
  // Options read "2 Medium: plausible for an insider..."; the value is the number.
  await r.getByLabel('Likelihood').selectOption(input.likelihood.slice(0, 1));
  await r.getByLabel('Severity').selectOption(input.severity.slice(0, 1));
  await r.getByRole('textbox', { name: 'Threat' }).fill(input.threat);
  await r.getByRole('textbox', { name: 'Potential impact' }).fill(input.impact);
  await r.getByRole('textbox', { name: 'Mitigation' }).fill(input.mitigation);
}
