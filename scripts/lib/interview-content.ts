/**
 * Loads and checks the interview question bank (content/interview/*.yaml) in Node: schema, ids
 * unique across files, OWASP IDs with their edition, and that every question's own model outline
 * covers all its key points with the matcher (a key point nobody can satisfy is a broken key),
 * while a bare list of the key points' words does not count as a structured answer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { formatIssues } from '../../src/lib/content/format-issues';
import { interviewQuestionSchema, type InterviewQuestion } from '../../src/lib/content/schema';
import { coverage } from '../../src/lib/interview/coverage';
import { loadPatternLibrary } from '../../src/data/patterns';
import { sharedVocabulary, withSharedKeyPoints } from '../../src/lib/patterns/vocabulary';

export interface InterviewContent {
  questions: Array<InterviewQuestion & { file: string }>;
  problems: string[];
}

export function loadInterviewContent(dir = 'content/interview'): InterviewContent {
  const problems: string[] = [];
  const questions: InterviewContent['questions'] = [];
  // The same key points the site serves: widened with the pattern library's vocabulary.
  const widen = sharedVocabulary(loadPatternLibrary());
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = path.join(dir, name);
    const raw = YAML.parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(raw)) {
      problems.push(`${file}: should be a list of questions`);
      continue;
    }
    raw.forEach((item, i) => {
      const parsed = interviewQuestionSchema.safeParse(item);
      if (!parsed.success) problems.push(...formatIssues(`${file}[${i}]`, parsed.error));
      else questions.push({ ...withSharedKeyPoints(parsed.data, widen), file });
    });
  }
  const seen = new Map<string, string>();
  for (const q of questions) {
    const before = seen.get(q.id);
    if (before) problems.push(`${q.file}: id "${q.id}" is also used in ${before}`);
    seen.set(q.id, q.file);
    const everything = [
      q.question,
      q.testing,
      q.strategy,
      ...q.outline,
      ...q.pitfalls,
      ...q.followUps,
      ...q.keyPoints.map((k) => k.label),
    ].join(' ');
    for (const m of everything.matchAll(/\b(ML|LLM)\d{2}\b(?!:\d{4})/g))
      problems.push(`${q.file}: ${q.id} writes ${m[0]} without its edition (e.g. ${m[0]}:2026)`);
    const model = coverage(q, q.outline.join('\n'));
    model.points.forEach((p) => {
      if (!p.covered) problems.push(`${q.file}: ${q.id}: its own outline does not cover the key point "${p.label}"`);
    });
    const keywords = q.keyPoints.map((k) => k.concepts.map((c) => c[0]).join(', ')).join('\n');
    if (coverage(q, keywords).structured)
      problems.push(
        `${q.file}: ${q.id}: a bare keyword list of its key points counts as structured; add key points or lengthen the concept phrases`,
      );
  }
  return { questions, problems };
}
