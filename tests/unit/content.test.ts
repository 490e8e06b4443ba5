import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../src/lib/content/format-issues';
import { checkLessons } from '../../src/lib/content/checks';
import { lessonSchema, questionSchema, scenarioFileSchema, scenarioSchema } from '../../src/lib/content/schema';
import { loadContent } from '../../scripts/lib/content';
import { checkContent } from '../../scripts/check-content';
import { gradeText } from '../../src/lib/quiz/text-check';
import type { QuestionData } from '../../src/lib/content/schema';
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';

function loadQuestions(): QuestionData[] {
  return readdirSync('content/questions')
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => YAML.parse(readFileSync(`content/questions/${f}`, 'utf8')) as QuestionData[]);
}

const lesson = {
  title: 'A lesson',
  description: 'A description that is long enough to pass.',
  order: 1,
  minutes: 10,
  objectives: ['Do a thing.'],
  updated: '2026-11-26',
};

function problems(schema: typeof lessonSchema | typeof scenarioSchema, data: unknown): string[] {
  const parsed = schema.safeParse(data);
  return parsed.success ? [] : formatIssues('content/x.mdx', parsed.error);
}

describe('content schemas', () => {
  it('accept a valid lesson', () => {
    expect(problems(lessonSchema, lesson)).toEqual([]);
  });

  it('name the file and a misspelt field', () => {
    expect(problems(lessonSchema, { ...lesson, titel: 'x' })).toEqual([
      'content/x.mdx: field "titel" is not allowed (a typo of another field?)',
    ]);
  });

  it('name the file and a field with a bad value', () => {
    expect(problems(lessonSchema, { ...lesson, minutes: 'ten' })).toEqual([
      'content/x.mdx: field "minutes": Expected number, received string',
    ]);
    expect(problems(lessonSchema, { ...lesson, prerequisites: ['start-here'] })[0]).toMatch(
      /field "prerequisites.0": Write a lesson as/,
    );
  });

  it('require scenarios to be marked synthetic', () => {
    const scenario = {
      kind: 'model-card',
      title: 'X-ray triage',
      synthetic: false,
      summary: 'A hospital group.',
      components: [{ id: 'api', name: 'API', kind: 'process', description: 'Serves.', zone: 'dmz' }],
    };
    expect(problems(scenarioSchema, scenario)[0]).toMatch(/field "synthetic"/);
    const dossier = { kind: 'dossier', title: 'Support chatbot', synthetic: false, summary: 'A retailer.' };
    expect(scenarioFileSchema.safeParse(dossier).error?.issues.map((i) => i.path.join('.'))).toContain('synthetic');
  });

  it('tell question types apart', () => {
    expect(
      questionSchema.safeParse({
        id: 'q1',
        type: 'single',
        prompt: 'Which?',
        explanation: 'Because.',
        options: [{ text: 'Spoofing' }, { text: 'Tampering' }],
        answer: 0,
      }).success,
    ).toBe(true);
    expect(
      questionSchema.safeParse({
        id: 'q1',
        type: 'single',
        prompt: 'Which?',
        explanation: 'Because.',
        items: ['a', 'b', 'c'],
      }).success,
    ).toBe(false);
  });

  it('accept only neighbouring, non-overlapping "either" pairs in an order question', () => {
    const order = (either: unknown) =>
      questionSchema.safeParse({
        id: 'q-order',
        type: 'order',
        prompt: 'In order?',
        explanation: 'Because.',
        items: ['Draw the diagram', 'Walk each element', 'Cross-check OWASP', 'Record the rows'],
        either,
      });
    expect(order([[1, 2]]).success).toBe(true);
    expect(
      order([
        [0, 1],
        [2, 3],
      ]).success,
    ).toBe(true);
    expect(order([[0, 2]]).error?.issues[0]?.message).toMatch(/two neighbouring items/);
    expect(order([[3, 4]]).error?.issues[0]?.message).toMatch(/two neighbouring items/);
    expect(
      order([
        [0, 1],
        [1, 2],
      ]).error?.issues[0]?.message,
    ).toMatch(/may not overlap/);
  });
});

describe('lesson checks', () => {
  const base = { order: 1, prerequisites: [] as string[] };
  it('catch lessons outside level folders, clashing order and missing prerequisites', () => {
    expect(
      checkLessons([
        { id: 'beginner/a', data: base },
        { id: 'beginner/b', data: { order: 1, prerequisites: ['beginner/zzz'] } },
        { id: 'expert/c', data: base },
      ]),
    ).toEqual([
      'content/lessons/beginner/b.mdx: field "order" is 1, the same as content/lessons/beginner/a.mdx',
      'content/lessons/beginner/b.mdx: field "prerequisites" names "beginner/zzz", which is not a lesson',
      'content/lessons/expert/c.mdx: lessons must sit directly in one of the folders beginner, intermediate, advanced',
    ]);
  });
});

describe('the content folder', () => {
  it('is valid', () => {
    const content = loadContent();
    expect(content.problems).toEqual([]);
    expect(content.lessons.length).toBeGreaterThan(0);
    expect(content.glossary.length).toBeGreaterThan(0);
  });
});

describe('the lesson and question checker', () => {
  it('passes on the content folder, every question used by exactly one lesson', () => {
    const report = checkContent();
    expect(report.problems).toEqual([]);
    expect(report.questions).toBeGreaterThanOrEqual(report.lessons * 3);
  });

  it('grades the model answer of every free-text question as right', () => {
    const texts = loadQuestions().filter((q): q is Extract<QuestionData, { type: 'text' }> => q.type === 'text');
    expect(texts.length).toBeGreaterThan(10);
    for (const q of texts) expect(gradeText(q, q.model).covered, q.id).toEqual(q.concepts.map(() => true));
  });

  it('names every broken rule in a bad folder', () => {
    const { problems } = checkContent('tests/unit/fixtures/content-bad');
    const text = problems.join('\n');
    expect(text).toContain('duplicate question id "broken-one"');
    expect(text).toMatch(/broken\.yaml \(question 3\).*answer.*is 4, but there are only 2 options/);
    expect(text).toContain('question "broken-unused" is not used by any lesson');
    expect(text).toContain('<Check id="broken-missing" /> names no question');
    expect(text).toContain('asks <Check id="broken-one" /> twice');
    expect(text).toContain('LLM01 is written without its edition');
    expect(text).toContain('AML.T9999');
    expect(text).toContain('has no worked example');
    expect(text).toContain('words of prose; aim for 1,500 to 3,000');
    expect(text).toContain(
      'AML.T0015 is written beside "Craft Adversarial Data", the name of AML.T0043; fix the ID or the name',
    );
  });
});
