/** Free text: a sentence or two, graded by the concept matcher; once solved, a model answer. */
import { MAX_TEXT } from '../../../lib/quiz/record';
import { textOf, textResponse } from '../../../lib/quiz/responses';
import type { QuestionView } from './view';

export const FreeText: QuestionView<'text'> = {
  hint: 'Answer in a sentence or two.',
  Body: ({ question, response, locked, showAll, verdict, respond }) => (
    <>
      <label class="quiz-text-label" for={`check-${question.id}-text`}>
        Your answer
      </label>
      <textarea
        id={`check-${question.id}-text`}
        rows={3}
        maxLength={MAX_TEXT}
        value={textOf(response)}
        readOnly={locked}
        onInput={(event) => respond(textResponse((event.currentTarget as HTMLTextAreaElement).value))}
      />
      {verdict?.covered && !verdict.correct && (
        <p class="quiz-covered">
          {showAll
            ? `Ideas the answer needed: ${question.concepts.map((c, i) => `${c[0]}${verdict.covered?.[i] ? ' (you had this)' : ''}`).join('; ')}.`
            : 'Add what is missing and check again.'}
        </p>
      )}
      {showAll && (
        <div class="quiz-answer">
          <p>A model answer:</p>
          <p>{question.model}</p>
        </div>
      )}
    </>
  ),
};
