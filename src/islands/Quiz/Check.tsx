/**
 * One check in a lesson: a question the learner answers in place, with feedback that explains.
 * A wrong try marks the learner's own choices and says how close they were, without giving the
 * answer away; after two wrong tries the answer may be shown. Once solved, the check shows the
 * right answer beside the learner's, and the explanation. Free text is graded by the concept
 * matcher, loaded the first time a text check is checked.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { emptyResponse, fitsQuestion, gradeChoice, missingInput, MAX_TEXT, type Mark, type Question, type Response, type Verdict } from '../../lib/quiz/questions';
import { canShow, SHOW_AFTER, type CheckState } from '../../lib/quiz/record';
import { quizStore } from '../../stores/quiz';

export interface CheckProps {
  question: Question;
  /** Progress item id of the lesson, e.g. "lessons/beginner/start-here". */
  lesson: string;
  /** Every check id of the lesson, in page order. */
  ids: string[];
}

async function grade(question: Question, response: Response): Promise<Verdict> {
  if (question.type !== 'text') return gradeChoice(question, response);
  const { gradeText } = await import('../../lib/quiz/text-check');
  return gradeText(question, typeof response === 'string' ? response : '');
}

const MARK_TEXT: Record<'right' | 'wrong', string> = { right: 'correct', wrong: 'not correct' };

function MarkIcon({ mark }: { mark: Mark }) {
  if (!mark) return null;
  return (
    <span class={`quiz-mark ${mark}`}>
      <span aria-hidden="true">{mark === 'right' ? '✓' : '✗'}</span>
      <span class="visually-hidden">({MARK_TEXT[mark]})</span>
    </span>
  );
}

/** "Correct answer" / "Your answer" labels shown once a check is solved. */
function Tags({ right, mine }: { right: boolean; mine: boolean }) {
  return (
    <>
      {right && <span class="quiz-tag right">Correct answer</span>}
      {mine && <span class="quiz-tag mine">Your answer</span>}
    </>
  );
}

export default function Check({ question, lesson, ids }: CheckProps) {
  const store = quizStore(lesson, ids);
  const record = useStore(store.$record, { ssr: 'initial' });
  const [ready, setReady] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setReady(true), []);

  const saved: CheckState | undefined = record.checks[question.id];
  // A saved response that no longer fits the question (the content changed) starts it afresh.
  const state = saved && fitsQuestion(question, saved.response) ? saved : undefined;
  const response: Response = state?.response ?? emptyResponse(question);
  const solved = state?.outcome ?? null;
  const judged = solved !== null || state?.last != null;
  const id = question.id;

  // The verdict follows the saved state: recomputed after a reload or a change in another tab.
  useEffect(() => {
    let live = true;
    if (!judged) setVerdict(null);
    else void grade(question, response).then((v) => live && setVerdict(v));
    return () => {
      live = false;
    };
  }, [judged, JSON.stringify(response)]);

  const locked = !ready || solved !== null || busy;
  const respond = (next: Response) => {
    setProblem(null);
    store.respond(id, next);
  };

  const onCheck = async () => {
    const missing = missingInput(question, response);
    if (missing) {
      setProblem(missing);
      return;
    }
    setBusy(true);
    try {
      const result = await grade(question, response);
      setVerdict(result);
      store.check(id, response, result.correct);
    } catch {
      setProblem('The checker could not load. Check your connection and try again; your answer is kept.');
    } finally {
      setBusy(false);
    }
  };

  const marks = verdict?.marks ?? [];
  const showAll = solved !== null;
  const legend = `${question.prompt}`;
  const hint = { single: 'Choose one.', multiple: 'Choose all that apply.', order: 'Put the items in order with the move buttons.', classify: 'Choose a category for each item.', text: 'Answer in a sentence or two.' }[question.type];

  let body;
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const multiple = question.type === 'multiple';
      const picked: number[] = Array.isArray(response) ? response : typeof response === 'number' ? [response] : [];
      const chosen = new Set(picked);
      const right = new Set(multiple ? question.answer : [question.answer]);
      body = (
        <ul class="quiz-options">
          {question.options.map((option, i) => {
            const mine = chosen.has(i);
            const feedback = option.feedback && judged && (mine || (showAll && right.has(i))) ? option.feedback : null;
            return (
              <li key={i} class={`quiz-option${showAll && right.has(i) ? ' is-right' : ''}${marks[i] === 'wrong' ? ' is-wrong' : ''}`}>
                <label>
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`check-${id}`}
                    value={String(i)}
                    checked={mine}
                    disabled={locked}
                    onChange={(event) => {
                      const on = (event.currentTarget as HTMLInputElement).checked;
                      if (!multiple) respond(i);
                      else respond(on ? picked.concat(i).sort((a, b) => a - b) : picked.filter((c) => c !== i));
                    }}
                  />
                  <span>{option.text}</span>
                  <MarkIcon mark={marks[i] ?? null} />
                  {showAll && <Tags right={right.has(i)} mine={mine} />}
                </label>
                {feedback && <p class="quiz-feedback">{feedback}</p>}
              </li>
            );
          })}
        </ul>
      );
      break;
    }
    case 'order': {
      const order = Array.isArray(response) ? response : [];
      const move = (from: number, to: number) => {
        const next = [...order];
        [next[from], next[to]] = [next[to] as number, next[from] as number];
        respond(next);
      };
      body = (
        <>
          <ol class="quiz-order">
            {order.map((item, position) => {
              const text = question.items[item] ?? '';
              return (
                <li key={item} class={marks[position] === 'wrong' ? 'is-wrong' : undefined}>
                  <span class="quiz-order__text">{text}</span>
                  <MarkIcon mark={marks[position] ?? null} />
                  <span class="quiz-order__moves">
                    <button type="button" class="button secondary small" disabled={locked || position === 0} onClick={() => move(position, position - 1)} aria-label={`Move up: ${text}`}>
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
            </div>
          )}
        </>
      );
      break;
    }
    case 'classify': {
      const chosen = Array.isArray(response) ? response : [];
      body = (
        <ul class="quiz-classify">
          {question.items.map((item, i) => {
            const selectId = `check-${id}-item-${i}`;
            const right = question.categories[item.category];
            return (
              <li key={i} class={marks[i] === 'wrong' ? 'is-wrong' : undefined}>
                <label for={selectId}>{item.text}</label>
                <span class="quiz-classify__choice">
                  <select
                    id={selectId}
                    disabled={locked}
                    value={String(chosen[i] ?? -1)}
                    onChange={(event) => {
                      const next = [...chosen];
                      next[i] = Number((event.currentTarget as HTMLSelectElement).value);
                      respond(next);
                    }}
                  >
                    <option value="-1">Choose…</option>
                    {question.categories.map((category, c) => (
                      <option key={c} value={String(c)}>
                        {category}
                      </option>
                    ))}
                  </select>
                  <MarkIcon mark={marks[i] ?? null} />
                  {showAll && marks[i] === 'wrong' && <span class="quiz-tag right">Correct: {right}</span>}
                </span>
              </li>
            );
          })}
        </ul>
      );
      break;
    }
    case 'text': {
      const text = typeof response === 'string' ? response : '';
      body = (
        <>
          <label class="quiz-text-label" for={`check-${id}-text`}>
            Your answer
          </label>
          <textarea
            id={`check-${id}-text`}
            rows={3}
            maxLength={MAX_TEXT}
            value={text}
            readOnly={locked}
            onInput={(event) => respond((event.currentTarget as HTMLTextAreaElement).value.slice(0, MAX_TEXT))}
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
      );
      break;
    }
  }

  const status = (() => {
    if (solved === 'first') return 'Right at the first try.';
    if (solved === 'later') return `Right after ${state?.tries ?? 2} tries.`;
    if (solved === 'shown') return 'Answer shown.';
    if (state?.last === 'wrong') return canShow(state) ? 'Not yet. Try again, or show the answer.' : 'Not yet. Change your answer and check again.';
    return null;
  })();

  return (
    <section id={`check-${id}`} class={`quiz-check${solved ? ` solved-${solved}` : ''}`} aria-labelledby={`check-${id}-prompt`} data-check={id} tabIndex={-1}>
      <fieldset>
        <legend id={`check-${id}-prompt`}>
          <span class="quiz-check__label">Check your understanding</span>
          {legend}
        </legend>
        <p class="quiz-hint meta">{hint}</p>
        {body}
      </fieldset>
      <div class="quiz-actions">
        {solved === null && (
          <button type="button" class="button small" disabled={!ready || busy} onClick={onCheck}>
            {busy ? 'Checking…' : 'Check'}
          </button>
        )}
        {canShow(state) && (
          <button type="button" class="button secondary small" onClick={() => store.show(id)}>
            Show answer
          </button>
        )}
        {solved !== null && solved !== 'first' && (
          <button type="button" class="button secondary small" onClick={() => store.reset(id)}>
            Try this again
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" class="quiz-result">
        {problem && <p class="quiz-problem">{problem}</p>}
        {status && (
          <p class={`quiz-status ${solved && solved !== 'shown' ? 'right' : 'wrong'}`}>
            <strong>{status}</strong> {verdict && solved !== 'shown' && !verdict.correct ? verdict.summary : ''}
            {state?.last === 'wrong' && !canShow(state) && state.tries < SHOW_AFTER ? ` You can show the answer after ${SHOW_AFTER} tries.` : ''}
          </p>
        )}
        {solved !== null && <p class="quiz-explanation">{question.explanation}</p>}
      </div>
    </section>
  );
}
