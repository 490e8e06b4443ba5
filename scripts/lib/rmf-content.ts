/**
 * Cross-checks of the AI RMF gap analysis content (Project 2) that the schemas cannot make: the
 * key assesses exactly the subcategories in scope, every ID exists in the catalog, cited facts
 * and contexts exist, and every lesson or reference link points at a real section.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import YAML from 'yaml';
import { anchorFor } from '../../src/lib/catalog/links';
import { dossierScenarioSchema, type DossierScenario } from '../../src/lib/content/schema';
import { formatIssues } from '../../src/lib/content/format-issues';
import { rmfRubricSchema, type RmfRubric } from '../../src/lib/exercises/rmf/rubric';
import { loadCatalog } from './catalog';

/** Heading anchors of a lesson, as the site renders them. */
export function lessonAnchors(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?---/, '');
  return new Set([...body.matchAll(/^#{2,4}\s+(.+)$/gm)].map((m) => slugger.slug((m[1] ?? '').trim())));
}

/** Problems with a site link used in feedback: lessons must have the section, RMF references the subcategory. */
export function linkProblem(link: string, contentDir = 'content'): string | undefined {
  const [page = '', fragment] = link.split('#');
  const lesson = /^\/learn\/(beginner|intermediate|advanced)\/([a-z0-9-]+)\/$/.exec(page);
  if (lesson) {
    const file = path.join(contentDir, 'lessons', lesson[1] ?? '', `${lesson[2]}.mdx`);
    if (!existsSync(file)) return `${link}: no lesson ${file}`;
    if (fragment && !lessonAnchors(file).has(fragment)) return `${link}: the lesson has no section #${fragment}`;
    return undefined;
  }
  const rmf = /^\/reference\/ai-rmf\/(govern|map|measure|manage)\/$/.exec(page);
  if (rmf) {
    if (!fragment) return undefined;
    const catalog = loadCatalog();
    const match = /^(govern|map|measure|manage)-(\d+)(?:-(\d+))?$/.exec(fragment);
    const id = match ? `${(match[1] ?? '').toUpperCase()} ${match[2]}${match[3] ? `.${match[3]}` : ''}` : '';
    if (!match || match[1] !== rmf[1] || catalog.explain(id) !== undefined || anchorFor(id) !== fragment)
      return `${link}: no such subcategory anchor`;
    return undefined;
  }
  if (/^\/reference\/[a-z0-9/-]*$/.test(page)) return undefined;
  return `${link}: link to a lesson section (/learn/<level>/<slug>/#section) or a reference page`;
}

export interface RmfContent {
  scenario: DossierScenario;
  rubric: RmfRubric;
}

/** Loads and checks the scenario and answer key; throws with every problem listed. */
export function loadRmfContent(root = 'content', exercise = 'rmf-chatbot-gap'): RmfContent & { problems: string[] } {
  const problems: string[] = [];
  const rubricFile = path.join(root, 'rubrics', `${exercise}.yaml`);
  const rubricParsed = rmfRubricSchema.safeParse(YAML.parse(readFileSync(rubricFile, 'utf8')));
  if (!rubricParsed.success) throw new Error(formatIssues(rubricFile, rubricParsed.error).join('\n'));
  const rubric = rubricParsed.data;
  const scenarioFile = path.join(root, 'scenarios', `${rubric.scenario}.yaml`);
  const scenarioParsed = dossierScenarioSchema.safeParse(YAML.parse(readFileSync(scenarioFile, 'utf8')));
  if (!scenarioParsed.success) throw new Error(formatIssues(scenarioFile, scenarioParsed.error).join('\n'));
  const scenario = scenarioParsed.data;

  const catalog = loadCatalog();
  const scope = scenario.scope.map((s) => s.subcategory);
  for (const id of scope) {
    const why = catalog.explain(id);
    if (why) problems.push(`${scenarioFile}: scope: ${why}`);
  }
  const assessed = rubric.assessments.map((a) => a.subcategory);
  for (const id of scope)
    if (!assessed.includes(id)) problems.push(`${rubricFile}: ${id} is in scope but the key does not assess it`);
  for (const id of assessed)
    if (!scope.includes(id)) problems.push(`${rubricFile}: ${id} is assessed but not in the scenario's scope`);

  const facts = new Set(scenario.dossier.map((f) => f.id));
  const cited = new Set<string>();
  rubric.assessments.forEach((a) =>
    a.evidence.forEach((e) => {
      cited.add(e);
      if (!facts.has(e)) problems.push(`${rubricFile}: ${a.subcategory} cites "${e}", which is not a dossier fact`);
    }),
  );
  const uncited = [...facts].filter((f) => !cited.has(f));
  if (uncited.length > 6)
    problems.push(
      `${rubricFile}: ${uncited.length} dossier facts support no assessment (${uncited.join(', ')}); most facts should be evidence for something`,
    );

  const contexts = new Set(scenario.contexts.map((c) => c.id));
  const relevant = new Set(rubric.contexts.relevant);
  for (const id of contexts) {
    const inRelevant = relevant.has(id);
    const inDistractors = Object.hasOwn(rubric.contexts.distractors, id);
    if (inRelevant === inDistractors)
      problems.push(`${rubricFile}: context "${id}" must be either relevant or a distractor`);
    if (inRelevant && !Object.hasOwn(rubric.contexts.why, id))
      problems.push(`${rubricFile}: relevant context "${id}" has no "why"`);
  }
  for (const id of [...relevant, ...Object.keys(rubric.contexts.distractors)])
    if (!contexts.has(id)) problems.push(`${rubricFile}: context "${id}" is not in the scenario`);

  const links = [
    rubric.contexts.learn,
    rubric.priorities.learn,
    rubric.report.learn,
    ...rubric.assessments.flatMap((a) => [a.learn, ...(a.see ? [a.see] : [])]),
  ];
  for (const link of new Set(links)) {
    const problem = linkProblem(
      link,
      root === 'content' ? 'content' : existsSync(path.join(root, 'lessons')) ? root : 'content',
    );
    if (problem) problems.push(`${rubricFile}: ${problem}`);
  }
  return { scenario, rubric, problems };
}
