/**
 * Checks a single, multiple, order or classify response: right or not, a mark per option or item,
 * and a summary that says how close it was without giving the answer away. Loaded when a check is
 * first judged (as text-check.ts is), so a lesson opens without it.
 */
import type { Mark, Question, Response, Verdict } from './questions';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Order and classify: each item is right where it stands or not; the summary counts those that are. */
function byPosition(marks: Mark[], allRight: string, where: string): Verdict {
  const placed = marks.filter((m) => m === 'right').length;
  const correct = placed === marks.length;
  return {
    correct,
    marks,
    summary: correct ? allRight : `${placed} of ${marks.length} items are in the right ${where}.`,
  };
}

const quote = (text: string) => `“${text.length > 90 ? `${text.slice(0, 87).trimEnd()}…` : text}”`;

/**
 * Order: partial credit by pairs. Every pair of items counts once, in order or not, and a pair the
 * question names in `either` is in order both ways. The learner is told how many pairs are in
 * order and the first neighbouring pair (as shown) that is the wrong way round. Marks compare
 * each position with the accepted order nearest to the response: the key, with each `either`
 * pair in the learner's own order.
 */
function gradeOrder(question: Extract<Question, { type: 'order' }>, order: number[]): Verdict {
  const n = question.items.length;
  const position = new Map(order.map((item, p) => [item, p]));
  const free = new Set((question.either ?? []).map(([a, b]) => `${a}:${b}`));
  const isFree = (a: number, b: number) => free.has(`${Math.min(a, b)}:${Math.max(a, b)}`);
  let total = 0;
  let inOrder = 0;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      total++;
      if (isFree(a, b) || (position.get(a) ?? -1) < (position.get(b) ?? -1)) inOrder++;
    }
  const target = Array.from({ length: n }, (_, i) => i);
  for (const [a, b] of question.either ?? [])
    if ((position.get(b) ?? -1) < (position.get(a) ?? -1)) [target[a], target[b]] = [b, a];
  const marks = target.map((item, p): Mark => (order[p] === item ? 'right' : 'wrong'));
  const correct = inOrder === total;
  const credit = total === 0 ? 1 : inOrder / total;
  if (correct) {
    const swapped =
      (question.either ?? []).length > 0
        ? ' (where two steps may go either way, yours is one of the accepted orders)'
        : '';
    return { correct, marks, credit, summary: `Right: every step is in order${swapped}.` };
  }
  let wrongPair = '';
  for (let p = 0; p + 1 < order.length; p++) {
    const [a, b] = [order[p] as number, order[p + 1] as number];
    if (a > b && !isFree(a, b)) {
      wrongPair = ` ${quote(question.items[b] ?? '')} belongs before ${quote(question.items[a] ?? '')}.`;
      break;
    }
  }
  return {
    correct,
    marks,
    credit,
    summary: `${inOrder} of ${plural(total, 'pair')} of steps are in order.${wrongPair}`,
  };
}

/** Grades a single, multiple, order or classify response. Text questions: see text-check.ts. */
export function gradeChoice(question: Exclude<Question, { type: 'text' }>, response: Response): Verdict {
  switch (question.type) {
    case 'single': {
      const correct = response === question.answer;
      const marks = question.options.map((_, i): Mark => (i === response ? (correct ? 'right' : 'wrong') : null));
      return { correct, marks, summary: correct ? 'Right.' : 'Not quite.' };
    }
    case 'multiple': {
      const chosen = new Set(Array.isArray(response) ? response : []);
      const right = new Set(question.answer);
      const marks = question.options.map((_, i): Mark => (chosen.has(i) ? (right.has(i) ? 'right' : 'wrong') : null));
      const hits = [...chosen].filter((i) => right.has(i)).length;
      const wrong = chosen.size - hits;
      const correct = hits === right.size && wrong === 0;
      const summary = correct
        ? `Right: all ${plural(right.size, 'correct option')} and nothing else.`
        : `You chose ${hits} of the ${plural(right.size, 'correct option')}${wrong > 0 ? ` and ${plural(wrong, 'option')} that ${wrong === 1 ? 'does' : 'do'} not belong` : ''}.`;
      return { correct, marks, summary };
    }
    case 'order':
      return gradeOrder(question, Array.isArray(response) ? response : []);
    case 'classify': {
      const chosen = Array.isArray(response) ? response : [];
      const marks = question.items.map((item, i): Mark => (chosen[i] === item.category ? 'right' : 'wrong'));
      return byPosition(marks, 'Right: every item is in its category.', 'category');
    }
    default: {
      // Exhaustive without importing assertNever, which would tie this lazy module to the lesson's chunk.
      const unknown: never = question;
      throw new Error(`Unexpected question: ${JSON.stringify(unknown)}`);
    }
  }
}
