/** Order: put the items in order, one step at a time with move-up and move-down buttons. */
import { indexList, moveItem } from '../../../lib/quiz/responses';
import { MarkIcon } from './marks';
import type { QuestionView } from './view';

export const OrderItems: QuestionView<'order'> = {
  hint: 'Put the items in order with the move buttons.',
  Body: ({ question, response, locked, showAll, marks, respond }) => {
    const order = indexList(response);
    const move = (from: number, to: number) => respond(moveItem(order, from, to));
    return (
      <>
        <ol class="quiz-order">
          {order.map((item, position) => {
            const text = question.items[item] ?? '';
            return (
              <li key={item} class={marks[position] === 'wrong' ? 'is-wrong' : undefined}>
                <span class="quiz-order__text">{text}</span>
                <MarkIcon mark={marks[position]} />
                <span class="quiz-order__moves">
                  <button
                    type="button"
                    class="button secondary small"
                    disabled={locked || position === 0}
                    onClick={() => move(position, position - 1)}
                    aria-label={`Move up: ${text}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button secondary small"
                    disabled={locked || position === order.length - 1}
                    onClick={() => move(position, position + 1)}
                    aria-label={`Move down: ${text}`}
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        {showAll && (
          <div class="quiz-answer">
            <p>Correct order:</p>
            <ol>
              {question.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ol>
            {(question.either ?? []).map(([a, b]) => (
              <p key={`${a}-${b}`} class="meta">
                Steps {a + 1} and {b + 1} may go either way.
              </p>
            ))}
          </div>
        )}
      </>
    );
  },
};
