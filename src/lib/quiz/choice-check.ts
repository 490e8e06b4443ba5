/**
 * Checks a single, multiple, order or classify response: right or not, a mark per option or item,
 * and a summary that says how close it was without giving the answer away. Loaded when a check is
 * first judged (as text-check.ts is), so a lesson opens without it.
 */
import type { Mark, Question, Response, Verdict } from './questions';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Grades a single, multiple, order or classify response. Text questions: see text-check.ts. */
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
    case 'order': {
      const order = Array.isArray(response) ? response : [];
      const marks = question.items.map((_, position): Mark => (order[position] === position ? 'right' : 'wrong'));
      return byPosition(marks, 'Right: every step is in order.', 'place');
    }
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
