/** The option list single and multiple choice share: radios or checkboxes, marks, tags and option feedback. */
import { displayOrder, type Question } from '../../../lib/quiz/questions';
import { chosenOptions } from '../../../lib/quiz/responses';
import { MarkIcon, Tags } from './marks';
import type { BodyProps } from './view';

interface ChoiceListProps extends BodyProps<Extract<Question, { type: 'single' | 'multiple' }>> {
  /** Indexes of the right options. */
  right: ReadonlySet<number>;
  /** The learner ticked (or, for checkboxes, unticked) option `index`. */
  onPick: (index: number, on: boolean, picked: number[]) => void;
}

/**
 * The options of a choice question as radios (single) or checkboxes (multiple), in the question's
 * fixed shuffle and lettered A, B, C…, so a workshop can discuss "option C". Values, marks and
 * responses keep the content's option indexes.
 */
export function ChoiceList({ question, response, locked, judged, showAll, marks, right, onPick }: ChoiceListProps) {
  const picked = chosenOptions(response);
  const chosen = new Set(picked);
  return (
    <ol class="quiz-options">
      {displayOrder(question).map((i) => {
        const option = question.options[i];
        if (!option) return null;
        const mine = chosen.has(i);
        const feedback = option.feedback && judged && (mine || (showAll && right.has(i))) ? option.feedback : null;
        return (
          <li
            key={i}
            class={`quiz-option${showAll && right.has(i) ? ' is-right' : ''}${marks[i] === 'wrong' ? ' is-wrong' : ''}`}
          >
            <label>
              <input
                type={question.type === 'multiple' ? 'checkbox' : 'radio'}
                name={`check-${question.id}`}
                value={String(i)}
                checked={mine}
                disabled={locked}
                onChange={(event) => onPick(i, (event.currentTarget as HTMLInputElement).checked, picked)}
              />
              <span>{option.text}</span>
              <MarkIcon mark={marks[i]} />
              {showAll && <Tags right={right.has(i)} mine={mine} />}
            </label>
            {feedback && <p class="quiz-feedback">{feedback}</p>}
          </li>
        );
      })}
    </ol>
  );
}
