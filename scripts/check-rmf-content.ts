/**
 * `npx tsx scripts/check-rmf-content.ts [--root DIR] [--exercise ID]`: checks the scenario and
 * answer key of an AI RMF gap exercise (Project 2 by default, or a lab): schemas and
 * cross-references. The unit tests run the same checks.
 */
import { loadRmfContent } from './lib/rmf-content';

const index = process.argv.indexOf('--root');
const root = index > 0 ? (process.argv[index + 1] ?? 'content') : 'content';
const at = process.argv.indexOf('--exercise');
const exercise = at > 0 ? (process.argv[at + 1] ?? 'rmf-chatbot-gap') : 'rmf-chatbot-gap';
try {
  const { scenario, rubric, problems } = loadRmfContent(root, exercise);
  console.log(
    `${scenario.dossier.length} facts, ${scenario.contexts.length} contexts, ${scenario.scope.length} subcategories in scope, ${rubric.assessments.length} assessed.`,
  );
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(`${exercise}: content checks passed.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
