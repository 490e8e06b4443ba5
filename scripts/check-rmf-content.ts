/**
 * `npx tsx scripts/check-rmf-content.ts [--root DIR]`: checks the Project 2 scenario and answer
 * key (schemas and cross-references). The unit tests run the same checks.
 */
import { loadRmfContent } from './lib/rmf-content';

const index = process.argv.indexOf('--root');
const root = index > 0 ? (process.argv[index + 1] ?? 'content') : 'content';
try {
  const { scenario, rubric, problems } = loadRmfContent(root);
  console.log(
    `${scenario.dossier.length} facts, ${scenario.contexts.length} contexts, ${scenario.scope.length} subcategories in scope, ${rubric.assessments.length} assessed.`,
  );
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('Project 2 content checks passed.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
