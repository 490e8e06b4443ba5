/**
 * One check in a lesson: a question the learner answers in place, with feedback that explains.
 * A wrong try marks the learner's own choices and says how close they were, without giving the
 * answer away; after two wrong tries the answer may be shown. Once solved, the check shows the
 * right answer beside the learner's, and the explanation. Free text is graded by the concept
 * matcher, loaded the first time a text check is checked. Each question type's inputs are a view
 * in ./types, picked by type.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { assertNever } from '../../lib/assert-never';
import {
  emptyResponse,
  fitsQuestion,
  missingInput,
  type Question,
  type Response,
  type Verdict,
} from '../../lib/quiz/questions';
import { canShow, SHOW_AFTER, solvedLabel, type CheckState } from '../../lib/quiz/record';
import { textOf } from '../../lib/quiz/responses';
import { quizStore } from '../../stores/quiz';
import { QUESTION_VIEWS, QuestionBody } from './types';

export interface CheckProps {
  question: Question;
  /** Progress item id of the lesson, e.g. "lessons/beginner/start-here". */
  lesson: string;
  /** Every check id of the lesson, in page order. */
  ids: string[];
}

async function grade(question: Question, response: Response): Promise<Verdict> {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'order':
    case 'classify': {
      // The checker loads when a check is first judged, not with the lesson.
      const { gradeChoice } = await import('../../lib/quiz/choice-check');
      return gradeChoice(question, response);
    }
    case 'text': {
      const { gradeText } = await import('../../lib/quiz/text-check');
      return gradeText(question, textOf(response));
    }
    default:
      return assertNever(question);
  }
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
      store.check(id, response, result.correct, result.credit);
    } catch {
      setProblem('The checker could not load. Check your connection and try again; your answer is kept.');
    } finally {
      setBusy(false);
    }
  };

  const marks = verdict?.marks ?? [];
  const showAll = solved !== null;

  const status = (() => {
    if (solved === 'first' || solved === 'later') return `${solvedLabel(state) ?? 'Right'}.`;
    if (solved === 'shown') return 'Answer shown.';
    if (state?.last === 'wrong')
      return canShow(state)
        ? 'Not yet. Try again, or show the answer.'
        : 'Not yet. Change your answer and check again.';
    return null;
  })();

  return (
    <section
      id={`check-${id}`}
      class={`quiz-check${solved ? ` solved-${solved}` : ''}`}
      aria-labelledby={`check-${id}-prompt`}
      data-check={id}
      tabIndex={-1}
    >
      <fieldset>
        <legend id={`check-${id}-prompt`}>
          <span class="quiz-check__label">Check your understanding</span>
          {question.prompt}
        </legend>
        <p class="quiz-hint meta">{QUESTION_VIEWS[question.type].hint}</p>
        <QuestionBody
          question={question}
          response={response}
          locked={locked}
          judged={judged}
          showAll={showAll}
          verdict={verdict}
          marks={marks}
          respond={respond}
        />
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
            {state?.last === 'wrong' && !canShow(state) && state.tries < SHOW_AFTER
              ? ` You can show the answer after ${SHOW_AFTER} tries.`
              : ''}
          </p>
        )}
        {solved !== null && <p class="quiz-explanation">{question.explanation}</p>}
      </div>
    </section>
  );
}
