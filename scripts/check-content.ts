/**
 * `npm run check:content [-- --root DIR]`: checks lessons and their questions beyond what the
 * schemas can: every framework ID exists in the catalog and OWASP IDs carry their edition,
 * every <Term> is in the glossary, every <Check> names a question that exists and every question
 * is used, and each lesson has the parts of a lesson (three or more checks, a worked example, a
 * common mistake, key takeaways, sources) at a sensible length. It also measures whether the
 * checks can be passed by pattern (answer-balance.ts): where right answers are shown, how often
 * the right option is the longest, whether classify items appear grouped; it prints those figures
 * and fails past their limits. Across every content file it flags an ID written beside another
 * item's name ("Craft Adversarial Data (AML.T0015)"), which the ID check alone lets through.
 *
 * --root checks another folder laid out like content/ (for drafts); the catalog and glossary
 * always come from this repository. --known a/b,c/d lists lesson ids written elsewhere that
 * prerequisites may name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { scanIds } from '../src/lib/catalog/ids';
import { checkIdsIn } from '../src/lib/content/checks';
import { questionSchema, type QuestionData } from '../src/lib/content/schema';
import { formatIssues } from '../src/lib/content/format-issues';
import { answerBalance, formatBalance, type AnswerBalance } from '../src/lib/content/answer-balance';
import { loadCatalog, loadCatalogFiles } from './lib/catalog';
import { nameChecker, type NamedItem } from '../src/lib/catalog/name-check';
import { loadContent } from './lib/content';

export interface ContentReport {
  problems: string[];
  lessons: number;
  questions: number;
  words: Record<string, number>;
  /** Answer-pattern figures over the whole bank. */
  balance: AnswerBalance;
}

/** Words of prose in an MDX body: components, code and URLs left out. */
export function proseWords(body: string): number {
  const text = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>`|[\]-]/g, ' ');
  return text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
}

/** Every catalog item with its current and former names. */
function namedItems(): NamedItem[] {
  const items: NamedItem[] = [];
  type Named = { id: string; name: string; formerNames?: string[] };
  const add = (list: readonly Named[]) => {
    for (const item of list)
      items.push({ id: item.id, names: [item.name, ...(item.formerNames ?? [])], current: item.name });
  };
  for (const file of loadCatalogFiles('content/catalog')) {
    if (file.framework === 'atlas') {
      add(file.tactics);
      add(file.techniques);
      add(file.mitigations);
      add(file.caseStudies);
    } else if (file.framework === 'owasp-ml' || file.framework === 'owasp-llm' || file.framework === 'owasp-agentic')
      for (const edition of file.editions) add(edition.items);
  }
  return items;
}

/** IDs written beside another item's name, in every MDX and YAML file under `root` but the catalog. */
function misnamedIds(root: string): string[] {
  const check = nameChecker(namedItems());
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'catalog' ? [] : walk(full);
      return /\.(mdx|ya?ml)$/.test(entry.name) ? [full] : [];
    });
  return walk(root)
    .sort()
    .flatMap((file) =>
      check(readFileSync(file, 'utf8')).map((m) =>
        m.former
          ? `${file}: ${m.id} is written beside "${m.wrote}", its former name; write its current name, or mark the old one ("formerly …")`
          : `${file}: ${m.id} is written beside "${m.wrote}", the name of ${m.belongsTo}; fix the ID or the name`,
      ),
    );
}

/**
 * Checks `root`. `knownLessons` are lesson ids that exist elsewhere (the repository's lessons
 * when checking drafts, or lessons being written in parallel), so prerequisites may name them.
 */
export function checkContent(root = 'content', knownLessons: readonly string[] = []): ContentReport {
  const problems: string[] = [];
  const catalog = loadCatalog('content/catalog');
  const repository = loadContent('content');
  const glossary = new Set(repository.glossary.map((g) => g.id));
  const known = new Set([...knownLessons, ...repository.lessons.map((l) => l.id)]);
  const content = loadContent(root);
  problems.push(
    ...content.problems.filter((p) => {
      const prerequisite = /names "([^"]+)", which is not a lesson/.exec(p)?.[1];
      return !(prerequisite && known.has(prerequisite));
    }),
  );

  const questions = new Map<string, { file: string; question: QuestionData }>();
  const questionDir = path.join(root, 'questions');
  if (existsSync(questionDir)) {
    for (const name of readdirSync(questionDir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const file = path.join(questionDir, name);
      const items: unknown = YAML.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(items)) {
        problems.push(`${file}: expected a list of questions`);
        continue;
      }
      items.forEach((item, i) => {
        const parsed = questionSchema.safeParse(item);
        if (!parsed.success) {
          problems.push(...formatIssues(`${file} (question ${i + 1})`, parsed.error));
          return;
        }
        if (questions.has(parsed.data.id))
          problems.push(
            `${file}: duplicate question id "${parsed.data.id}" (also in ${questions.get(parsed.data.id)?.file})`,
          );
        questions.set(parsed.data.id, { file, question: parsed.data });
        for (const found of scanIds(JSON.stringify(parsed.data))) {
          const why = catalog.explain(found.id);
          if (why) problems.push(`${file}: ${why}`);
        }
      });
    }
  }

  const used = new Map<string, string>();
  const words: Record<string, number> = {};
  for (const lesson of content.lessons) {
    const { file, body } = lesson;
    for (const found of scanIds(body)) {
      if ((found.shape === 'owasp-llm' || found.shape === 'owasp-ml') && !found.id.includes(':'))
        problems.push(`${file}: ${found.id} is written without its edition`);
      else {
        const why = catalog.explain(found.id);
        if (why) problems.push(`${file}: ${why}`);
      }
    }
    for (const match of body.matchAll(/<Term\s+id="([^"]+)"/g)) {
      if (!glossary.has(match[1] ?? ''))
        problems.push(`${file}: <Term id="${match[1]}"> is not in content/glossary.yaml`);
    }
    const checks = checkIdsIn(body);
    const repeated = checks.filter((id, i) => checks.indexOf(id) !== i);
    if (repeated.length > 0) problems.push(`${file}: asks <Check id="${repeated[0]}" /> twice`);
    for (const id of checks) {
      const other = used.get(id);
      if (other && other !== file)
        problems.push(`${file}: <Check id="${id}" /> is already asked in ${other}; a question belongs to one lesson`);
      used.set(id, file);
      if (!questions.has(id)) problems.push(`${file}: <Check id="${id}" /> names no question in ${questionDir}`);
    }
    if (checks.length < 3)
      problems.push(
        `${file}: has ${checks.length} checks; a lesson needs at least 3, placed where each idea is taught`,
      );
    const requireCallout = (kind: string, what: string) => {
      if (!new RegExp(`<Callout\\s+kind="${kind}"`).test(body))
        problems.push(`${file}: has no ${what} (<Callout kind="${kind}">)`);
    };
    requireCallout('example', 'worked example');
    requireCallout('mistake', 'common mistake');
    requireCallout('takeaway', 'key takeaways');
    if (!/^## Sources\s*$/m.test(body)) problems.push(`${file}: has no "## Sources" section`);
    const count = proseWords(body);
    words[lesson.id] = count;
    if (count < 1200 || count > 3800) problems.push(`${file}: ${count} words of prose; aim for 1,500 to 3,000`);
  }
  for (const [id, { file }] of questions)
    if (!used.has(id)) problems.push(`${file}: question "${id}" is not used by any lesson`);
  problems.push(...misnamedIds(root));
  const balance = answerBalance([...questions.values()].map((q) => q.question));
  problems.push(...balance.problems.map((p) => `${questionDir}: ${p}`));
  return { problems, lessons: content.lessons.length, questions: questions.size, words, balance };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const value = (flag: string) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const report = checkContent(value('--root') ?? 'content', (value('--known') ?? '').split(',').filter(Boolean));
  for (const [id, count] of Object.entries(report.words)) console.log(`${id}: ${count} words`);
  console.log(`${report.lessons} lessons, ${report.questions} questions.`);
  for (const line of formatBalance(report.balance)) console.log(line);
  if (report.problems.length > 0) {
    console.error(`${report.problems.length} problem(s):\n- ${report.problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('Content checks passed.');
}
