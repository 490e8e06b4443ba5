/**
 * Classify: choose a category for each item from a select beside it. Items appear in the
 * question's fixed shuffle (content tends to list them by category); responses keep the content's
 * item indexes.
 */
import { displayOrder } from '../../../lib/quiz/questions';
import { indexList, placeItem } from '../../../lib/quiz/responses';
import { MarkIcon } from './marks';
import type { QuestionView } from './view';

export const Classify: QuestionView<'classify'> = {
  hint: 'Choose a category for each item.',
  Body: ({ question, response, locked, showAll, marks, respond }) => {
    const chosen = indexList(response);
    return (
      <ul class="quiz-classify">
        {displayOrder(question).map((i) => {
          const item = question.items[i];
          if (!item) return null;
          const selectId = `check-${question.id}-item-${i}`;
          const right = question.categories[item.category];
          return (
            <li key={i} class={marks[i] === 'wrong' ? 'is-wrong' : undefined}>
              <label for={selectId}>{item.text}</label>
              <span class="quiz-classify__choice">
                <select
                  id={selectId}
                  disabled={locked}
                  value={String(chosen[i] ?? -1)}
                  onChange={(event) =>
                    respond(placeItem(chosen, i, Number((event.currentTarget as HTMLSelectElement).value)))
                  }
                >
                  <option value="-1">Choose…</option>
                  {question.categories.map((category, c) => (
                    <option key={c} value={String(c)}>
                      {category}
                    </option>
                  ))}
                </select>
                <MarkIcon mark={marks[i]} />
                {showAll && marks[i] === 'wrong' && <span class="quiz-tag right">Correct: {right}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    );
  },
};
