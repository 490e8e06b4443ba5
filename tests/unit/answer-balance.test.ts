import { describe, expect, it } from 'vitest';
import { answerBalance, formatBalance } from '../../src/lib/content/answer-balance';
import type { QuestionData } from '../../src/lib/content/schema';
import { displayOrder } from '../../src/lib/quiz/questions';

const explanation = 'Because.';
/** A single-choice question whose right option is shown at `place` and has the given length. */
function singleAt(id: string, place: number, rightLength = 10): QuestionData {
  const base = {
    id,
    type: 'single' as const,
    prompt: 'Which?',
    explanation,
    // Options of 10, 20, 30 and 40 characters; the right one is then given its own length.
    options: [1, 2, 3, 4].map((i) => ({ text: String(i).repeat(i * 10) })),
    answer: 0,
  };
  const answer = displayOrder(base)[place] ?? 0;
  const options = base.options.map((o, i) => (i === answer ? { text: 'r'.repeat(rightLength) } : o));
  return { ...base, options, answer };
}

describe('answer balance (what check:content measures)', () => {
  it('passes a bank whose right answers are spread and not longest, and prints the figures', () => {
    // Right options of 25 characters sit between the others; 5 is the shortest, 50 the longest.
    const bank = Array.from({ length: 12 }, (_, i) => singleAt(`spread-${i}`, i % 4, [25, 25, 25, 5, 50, 25][i % 6]));
    const balance = answerBalance(bank);
    expect(balance.single.byPosition).toEqual([3, 3, 3, 3]);
    expect(balance.single.longest).toBe(2);
    expect(balance.single.shortest).toBe(2);
    expect(balance.problems).toEqual([]);
    expect(formatBalance(balance)[0]).toContain('right answer shown at A 3 (25 %), B 3 (25 %), C 3 (25 %), D 3 (25 %)');
  });

  it('fails when one displayed position holds too many keys or the right option is usually the longest', () => {
    const bank = Array.from({ length: 10 }, (_, i) => singleAt(`lopsided-${i}`, i < 4 ? 2 : i % 2, i < 4 ? 50 : 25));
    const { problems, single } = answerBalance(bank);
    expect(single.byPosition[2]).toBe(4);
    expect(problems.join('\n')).toContain(
      'option C is the right answer in 4 of 10 single-choice checks (40 %, limit 35 %)',
    );
    expect(problems.join('\n')).toContain('the right option is the longest in 4 of 10');
    const shortest = answerBalance(Array.from({ length: 10 }, (_, i) => singleAt(`short-${i}`, i % 4, i < 4 ? 5 : 25)));
    expect(shortest.problems).toEqual([
      'the right option is the shortest in 4 of 10 single-choice checks (40 %, limit 35 %)',
    ]);
  });

  it('names a displayed position that is in every multiple-choice key', () => {
    const multi = (id: string): QuestionData => {
      const base = {
        id,
        type: 'multiple' as const,
        prompt: 'Which?',
        explanation,
        options: [0, 1, 2, 3].map((i) => ({ text: `option ${i}` })),
        answer: [0],
      };
      const shown = displayOrder(base);
      return { ...base, answer: [shown[1] ?? 0, shown[(id.length % 2) + 2] ?? 0] };
    };
    const { multiple, problems } = answerBalance([multi('m-a'), multi('m-bb'), multi('m-ccc')]);
    expect(multiple.inEveryKey).toEqual(['B']);
    expect(problems).toContain('option B is right in every multiple-choice check');
  });

  it('counts classify checks whose items are shown grouped by category', () => {
    const grouped = (id: string): QuestionData => {
      const base = {
        id,
        type: 'classify' as const,
        prompt: 'Sort.',
        explanation,
        categories: ['A', 'B', 'C'],
        items: [0, 1, 2, 3].map((i) => ({ text: `item ${i}`, category: 0 })),
      };
      const shown = displayOrder(base);
      // Give the items shown first the lowest categories, so the page shows them grouped.
      const items = base.items.map((item, i) => ({ ...item, category: Math.min(2, shown.indexOf(i)) }));
      return { ...base, items };
    };
    const { classify, problems } = answerBalance([grouped('c-1'), grouped('c-2')]);
    expect(classify).toEqual({ count: 2, sorted: 2, diagonal: 0 });
    expect(problems.join('\n')).toContain('2 of 2 classify checks show their items in category order');
  });
});
