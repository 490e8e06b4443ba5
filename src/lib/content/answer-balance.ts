/**
 * Whether a bank of checks can be passed by pattern instead of by reading: where the right
 * answers are shown (the page shows options and classify items in a fixed shuffle, see
 * displayOrder), how often the right option is the longest, and whether classify items appear
 * grouped by category. `npm run check:content` prints these figures and fails past the limits.
 */
import type { QuestionData } from './schema';
import { displayOrder } from '../quiz/questions';

/** Most any single display position may hold of the single-choice keys. */
export const MAX_POSITION_SHARE = 0.35;
/** Most single-choice questions whose right option may be the longest (strictly or tied). */
export const MAX_LONGEST_SHARE = 0.35;
/** Most single-choice questions whose right option may be the shortest (so "pick the shortest" fails too). */
export const MAX_SHORTEST_SHARE = 0.35;
/** Most classify questions whose items may be shown grouped in category order. */
export const MAX_SORTED_SHARE = 0.35;

const letter = (i: number) => String.fromCharCode(65 + i);

export interface AnswerBalance {
  single: {
    count: number;
    /** Right answers by displayed position (A, B, C…). */
    byPosition: number[];
    /** The right option is the longest (ties count). */
    longest: number;
    /** The right option is the shortest (ties count). */
    shortest: number;
  };
  multiple: {
    count: number;
    /** Keys that include each displayed position. */
    byPosition: number[];
    /** Displayed positions included in every key (each is a pattern a guesser can use). */
    inEveryKey: string[];
    /** Mean length of right options divided by the mean length of wrong ones. */
    lengthRatio: number;
  };
  classify: {
    count: number;
    /** Items shown in category order (every item's category at least the one before). */
    sorted: number;
    /** Item k shown in category k for every item. */
    diagonal: number;
  };
  /** What is over a limit, as sentences. */
  problems: string[];
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** The figures for a bank of questions, as the learner sees them. */
export function answerBalance(questions: readonly QuestionData[]): AnswerBalance {
  const single = { count: 0, byPosition: [] as number[], longest: 0, shortest: 0 };
  const multiple = { count: 0, byPosition: [] as number[], inEveryKey: [] as string[], lengthRatio: 1 };
  const classify = { count: 0, sorted: 0, diagonal: 0 };
  const bump = (list: number[], i: number) => {
    while (list.length <= i) list.push(0);
    list[i] = (list[i] ?? 0) + 1;
  };
  let rightLength = 0;
  let rightCount = 0;
  let wrongLength = 0;
  let wrongCount = 0;
  const fullKeys: Array<Set<number>> = [];
  for (const q of questions) {
    if (q.type === 'single') {
      single.count++;
      bump(single.byPosition, displayOrder(q).indexOf(q.answer));
      const lengths = q.options.map((o) => o.text.length);
      const mine = lengths[q.answer] ?? 0;
      if (mine >= Math.max(...lengths)) single.longest++;
      if (mine <= Math.min(...lengths)) single.shortest++;
    } else if (q.type === 'multiple') {
      multiple.count++;
      const shown = displayOrder(q);
      const key = new Set(q.answer.map((a) => shown.indexOf(a)));
      for (const p of key) bump(multiple.byPosition, p);
      fullKeys.push(key);
      q.options.forEach((o, i) => {
        if (q.answer.includes(i)) {
          rightLength += o.text.length;
          rightCount++;
        } else {
          wrongLength += o.text.length;
          wrongCount++;
        }
      });
    } else if (q.type === 'classify') {
      classify.count++;
      const categories = displayOrder(q).map((i) => q.items[i]?.category ?? -1);
      if (categories.every((c, k) => k === 0 || c >= (categories[k - 1] ?? 0))) classify.sorted++;
      if (categories.every((c, k) => c === k)) classify.diagonal++;
    }
  }
  const positions = Math.max(0, ...multiple.byPosition.map((_, i) => i + 1));
  for (let p = 0; p < positions; p++)
    if (fullKeys.length > 1 && fullKeys.every((key) => key.has(p))) multiple.inEveryKey.push(letter(p));
  multiple.lengthRatio =
    rightCount && wrongCount ? Math.round((rightLength / rightCount / (wrongLength / wrongCount)) * 100) / 100 : 1;

  const problems: string[] = [];
  single.byPosition.forEach((n, p) => {
    if (n / single.count > MAX_POSITION_SHARE)
      problems.push(
        `option ${letter(p)} is the right answer in ${n} of ${single.count} single-choice checks (${pct(n, single.count)} %, limit ${MAX_POSITION_SHARE * 100} %)`,
      );
  });
  if (multiple.inEveryKey.length > 0)
    problems.push(`option ${multiple.inEveryKey.join(', ')} is right in every multiple-choice check`);
  if (single.count > 0 && single.longest / single.count > MAX_LONGEST_SHARE)
    problems.push(
      `the right option is the longest in ${single.longest} of ${single.count} single-choice checks (${pct(single.longest, single.count)} %, limit ${MAX_LONGEST_SHARE * 100} %): rewrite distractors to be as specific as the answer`,
    );
  if (single.count > 0 && single.shortest / single.count > MAX_SHORTEST_SHARE)
    problems.push(
      `the right option is the shortest in ${single.shortest} of ${single.count} single-choice checks (${pct(single.shortest, single.count)} %, limit ${MAX_SHORTEST_SHARE * 100} %)`,
    );
  if (classify.count > 0 && classify.sorted / classify.count > MAX_SORTED_SHARE)
    problems.push(
      `${classify.sorted} of ${classify.count} classify checks show their items in category order (limit ${MAX_SORTED_SHARE * 100} %)`,
    );
  return { single, multiple, classify, problems };
}

/** The figures as lines for a terminal. */
export function formatBalance(b: AnswerBalance): string[] {
  const positions = (list: number[], whole: number) =>
    list.map((n, p) => `${letter(p)} ${n} (${pct(n, whole)} %)`).join(', ');
  return [
    `Single choice (${b.single.count}): right answer shown at ${positions(b.single.byPosition, b.single.count)}; ` +
      `right option longest in ${b.single.longest} (${pct(b.single.longest, b.single.count)} %), shortest in ${b.single.shortest} (${pct(b.single.shortest, b.single.count)} %).`,
    `Multiple choice (${b.multiple.count}): keys include ${positions(b.multiple.byPosition, b.multiple.count)}; ` +
      `position in every key: ${b.multiple.inEveryKey.length > 0 ? b.multiple.inEveryKey.join(', ') : 'none'}; right/wrong option length ${b.multiple.lengthRatio}.`,
    `Classify (${b.classify.count}): items shown in category order in ${b.classify.sorted}, item k in category k in ${b.classify.diagonal}.`,
  ];
}
