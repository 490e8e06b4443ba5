/**
 * Timed interview drills and mock interviews. The learner picks questions, answers against a
 * timer they can pause, then sees which key points the answer covered (concept matcher), rates
 * themselves on five criteria and reads the model outline. Attempts persist; a mock interview
 * ends with a summary and the weakest areas. The bank and the matcher load when a session starts.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { InterviewQuestion } from '../../lib/content/schema';
import { CRITERIA, type DrillAttempt } from '../../lib/interview/record';
import {
  completeRatings,
  elapsedAt,
  hasNext,
  initialSession,
  mockIdAt,
  pickQueue,
  remaining as remainingOf,
  sessionReducer,
  type Action as SessionAction,
} from '../../lib/interview/session';
import {
  $interview,
  clearInterview,
  finishMock,
  rateAttempt,
  recordDrillAttempt,
  restoreInterview,
  startMock,
} from '../../stores/interview';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { withBase } from '../../lib/site/paths';
import { MessageArea, type Message } from '../common/MessageArea';

import type DrillFeedbackView from './DrillFeedback';
import type MockSummaryView from './MockSummary';

export interface QuestionSummary {
  id: string;
  level: InterviewQuestion['level'];
  topic: InterviewQuestion['topic'];
  question: string;
}

interface Props {
  base: string;
  bankUrl: string;
  questions: QuestionSummary[];
  topicLabels: Record<string, string>;
}

const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
const LEVEL_LABELS: Record<string, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

let bankRequest: Promise<InterviewQuestion[]> | null = null;
function loadBank(url: string): Promise<InterviewQuestion[]> {
  bankRequest ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json() as Promise<InterviewQuestion[]>;
  });
  bankRequest.catch(() => (bankRequest = null));
  return bankRequest;
}

const clock = (seconds: number) =>
  `${Math.floor(Math.max(0, seconds) / 60)}:${String(Math.floor(Math.max(0, seconds) % 60)).padStart(2, '0')}`;

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export default function InterviewDrill({ base, bankUrl, questions, topicLabels }: Props) {
  const record = useStore($interview, { ssr: 'initial' });
  // useState with a functional update is useReducer without a second hook export in the shared chunk.
  const [session, setSession] = useState(initialSession);
  const dispatch = (action: SessionAction) => setSession((state) => sessionReducer(state, action));
  const [ready, setReady] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [bank, setBank] = useState<InterviewQuestion[]>([]);
  const [loading, setLoading] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  // A component, not state of the session: loaded when the first mock interview ends.
  const [Summary, setSummary] = useState<typeof MockSummaryView | null>(null);
  const [Feedback, setFeedback] = useState<typeof DrillFeedbackView | null>(null);
  const { settings, phase, queue, position, mockId, answer, elapsed, paused, self } = session;
  const { mode, level, topic, chosen, count, minutes } = settings;

  useEffect(() => {
    setReady(true);
    const q = new URLSearchParams(window.location.search).get('q');
    if (q && questions.some((x) => x.id === q)) dispatch({ type: 'configure', settings: { chosen: q } });
  }, []);

  // The timer: redrawn every half second while it runs; the reducer counts from its start time.
  const running = phase.kind === 'answer' && !paused;
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => dispatch({ type: 'tick', now: Date.now() }), 500);
    return () => window.clearInterval(id);
  }, [running]);

  const limit = minutes * 60;
  const remaining = remainingOf(session);
  const current = bank.find((q) => q.id === queue[position]);
  const pool = questions.filter(
    (q) => (level === 'any' || q.level === level) && (topic === 'any' || q.topic === topic),
  );
  const topicOf = (id: string) => questions.find((q) => q.id === id)?.topic;

  const start = async () => {
    const ids = pickQueue(
      settings,
      pool.map((q) => q.id),
      Math.random,
    );
    if (ids.length === 0) {
      setMessage({ tone: 'error', text: 'No question matches that level and topic. Widen the selection.' });
      return;
    }
    setLoading(true);
    try {
      setBank(await loadBank(bankUrl));
    } catch {
      setMessage({
        tone: 'error',
        text: 'The question bank could not be loaded. Check your connection to this site and try again.',
      });
      setLoading(false);
      return;
    }
    setLoading(false);
    const now = Date.now();
    const id = mode === 'mock' ? mockIdAt(now) : null;
    if (id) startMock({ id, startedAt: new Date(now).toISOString(), questions: ids, finished: false });
    dispatch({ type: 'start', queue: ids, mockId: id, now });
    setMessage(null);
    focusSoon('drill-answer');
  };

  const submit = async () => {
    if (!current) return;
    const now = Date.now();
    // The matcher and the feedback view load with the first answer, not with the page.
    const [{ coverage }, { default: View }] = await Promise.all([
      import('../../lib/interview/coverage'),
      import('./DrillFeedback'),
    ]);
    setFeedback(() => View);
    const result = coverage(current, answer);
    const at = new Date().toISOString();
    const attempt: DrillAttempt = {
      question: current.id,
      at,
      seconds: Math.round(elapsedAt(session, now)),
      answer,
      covered: result.points.filter((p) => p.covered).length,
      total: result.points.length,
      structured: result.structured,
      self: null,
      ...(mockId ? { mock: mockId } : {}),
    };
    recordDrillAttempt(attempt);
    dispatch({ type: 'submitted', coverage: result, at, now });
    focusSoon('drill-feedback');
  };

  const saveRatings = () => {
    if (phase.kind !== 'feedback' || !current) return;
    const scores = completeRatings(self);
    if (!scores) {
      setMessage({ tone: 'error', text: 'Rate all five criteria, 1 to 5, before saving.' });
      return;
    }
    rateAttempt(current.id, phase.attemptAt, scores);
    setMessage({ tone: 'success', text: 'Your ratings are saved with this attempt.' });
  };

  const next = () => {
    if (hasNext(session)) {
      dispatch({ type: 'next', now: Date.now() });
      setMessage(null);
      focusSoon('drill-answer');
      return;
    }
    if (mockId) {
      finishMock(mockId);
      // The feedback stays up until the summary view has loaded.
      void import('./MockSummary').then(({ default: View }) => {
        setSummary(() => View);
        dispatch({ type: 'next', now: Date.now() });
        focusSoon('mock-summary');
      });
    } else {
      dispatch({ type: 'next', now: Date.now() });
      setMessage({ tone: 'success', text: 'Drill finished. Your attempts are saved below.' });
    }
  };

  const clear = () => {
    setConfirmClear(false);
    const before = clearInterview();
    setMessage({ tone: 'success', text: 'Your practice history was cleared.', undo: () => restoreInterview(before) });
  };

  const recent = [...record.attempts].reverse().slice(0, 10);
  const questionText = (id: string) => questions.find((q) => q.id === id)?.question ?? id;

  return (
    <div class="drill">
      <MessageArea message={message} />

      {phase.kind === 'setup' && (
        <section aria-labelledby="drill-setup" class="drill__setup">
          <h2 id="drill-setup">Set up a session</h2>
          <fieldset>
            <legend>Mode</legend>
            <label class="choice">
              <input
                type="radio"
                name="drill-mode"
                checked={mode === 'drill'}
                disabled={!ready}
                onChange={() => dispatch({ type: 'configure', settings: { mode: 'drill' } })}
              />{' '}
              Drill: one question at a time, as many as you like
            </label>
            <label class="choice">
              <input
                type="radio"
                name="drill-mode"
                checked={mode === 'mock'}
                disabled={!ready}
                onChange={() => dispatch({ type: 'configure', settings: { mode: 'mock' } })}
              />{' '}
              Mock interview: a fixed set in a row, then a summary
            </label>
          </fieldset>
          <div class="field-row">
            <div class="field">
              <label for="drill-level">Level</label>
              <select
                id="drill-level"
                value={level}
                disabled={!ready}
                onChange={(e) => dispatch({ type: 'configure', settings: { level: e.currentTarget.value } })}
              >
                <option value="any">Any level</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABELS[l]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="drill-topic">Topic</label>
              <select
                id="drill-topic"
                value={topic}
                disabled={!ready}
                onChange={(e) => dispatch({ type: 'configure', settings: { topic: e.currentTarget.value } })}
              >
                <option value="any">Any topic</option>
                {Object.entries(topicLabels).map(([id, label]) => (
                  <option key={id} value={id}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            {mode === 'mock' && (
              <div class="field">
                <label for="drill-count">Questions</label>
                <input
                  id="drill-count"
                  type="number"
                  min={1}
                  max={10}
                  value={count}
                  disabled={!ready}
                  onInput={(e) => dispatch({ type: 'configure', settings: { count: Number(e.currentTarget.value) } })}
                />
              </div>
            )}
            <div class="field">
              <label for="drill-minutes">Minutes per answer</label>
              <input
                id="drill-minutes"
                type="number"
                min={1}
                max={20}
                value={minutes}
                disabled={!ready}
                onInput={(e) => dispatch({ type: 'configure', settings: { minutes: Number(e.currentTarget.value) } })}
              />
            </div>
          </div>
          {mode === 'drill' && (
            <div class="field">
              <label for="drill-question">Question</label>
              <select
                id="drill-question"
                value={chosen}
                disabled={!ready}
                onChange={(e) => dispatch({ type: 'configure', settings: { chosen: e.currentTarget.value } })}
              >
                <option value="">Random, from the level and topic above ({pool.length})</option>
                {pool.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.question}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p class="meta">
            {pool.length} questions match. Answers are checked for key points in your browser; nothing is sent anywhere.
          </p>
          <button type="button" class="button" disabled={!ready || loading} onClick={() => void start()}>
            {loading ? 'Loading questions…' : mode === 'mock' ? 'Start the mock interview' : 'Start the drill'}
          </button>
        </section>
      )}

      {phase.kind === 'answer' && current && (
        <section aria-labelledby="drill-question-title" class="drill__answer">
          <p class="meta">
            {mockId
              ? `Mock interview: question ${position + 1} of ${queue.length}`
              : `Drill: question ${position + 1} of ${queue.length}`}{' '}
            · {topicLabels[current.topic]} · {LEVEL_LABELS[current.level]}
          </p>
          <h2 id="drill-question-title">{current.question}</h2>
          <div class="drill__timer">
            <p class={remaining < 0 ? 'timer timer--over' : 'timer'}>
              <span class="visually-hidden">Time left: </span>
              <span aria-hidden="true">{remaining >= 0 ? clock(remaining) : `+${clock(-remaining)}`}</span>
              <span class="visually-hidden">{Math.max(0, Math.ceil(remaining / 60))} minutes</span>
            </p>
            <p role="status" class="meta">
              {paused
                ? 'Paused.'
                : remaining <= 0
                  ? 'Time is up: finish your sentence and submit.'
                  : remaining <= 60
                    ? 'One minute left.'
                    : ''}
            </p>
            <button
              type="button"
              class="button secondary small"
              onClick={() => dispatch({ type: paused ? 'resume' : 'pause', now: Date.now() })}
            >
              {paused ? 'Resume the timer' : 'Pause the timer'}
            </button>
          </div>
          <div class="field">
            <label for="drill-answer">Your answer (sentences or an outline)</label>
            <textarea
              id="drill-answer"
              rows={12}
              maxLength={6000}
              value={answer}
              disabled={paused}
              onInput={(e) => dispatch({ type: 'type', answer: e.currentTarget.value })}
            />
            <p class="meta">
              {answer.split(/\s+/).filter((w) => /\w/.test(w)).length} words. A spoken answer of two to three minutes is
              about 250 to 400 words.
            </p>
          </div>
          <div class="button-row">
            <button type="button" class="button" onClick={() => void submit()}>
              Submit my answer
            </button>
          </div>
        </section>
      )}

      {phase.kind === 'feedback' && current && Feedback && (
        <Feedback
          question={current}
          coverage={phase.coverage}
          time={`${clock(elapsed)} of ${clock(limit)}`}
          questionHref={withBase(base, `/interview/questions/${current.id}/`)}
          self={self}
          onRate={(criterion, score) => dispatch({ type: 'rate', criterion, score })}
          onSave={saveRatings}
          onNext={next}
          nextLabel={hasNext(session) ? 'Next question' : mockId ? 'Finish the mock interview' : 'Finish the drill'}
        />
      )}

      {phase.kind === 'summary' && Summary && (
        <Summary
          mockId={phase.mockId}
          attempts={record.attempts}
          questionText={questionText}
          topicOf={topicOf}
          topicLabels={topicLabels}
          onDone={() => dispatch({ type: 'done' })}
        />
      )}

      <section aria-labelledby="drill-history" class="drill__history">
        <h2 id="drill-history">Your recent attempts</h2>
        {recent.length === 0 ? (
          <p class="empty-state">
            No attempts yet. Your answers and self-ratings are saved in this browser as you practise.
          </p>
        ) : (
          <>
            <div class="table-scroll">
              <table>
                <caption class="visually-hidden">Your ten most recent attempts, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Question</th>
                    <th scope="col">Key points</th>
                    <th scope="col">Structured</th>
                    <th scope="col">Self-rating</th>
                  </tr>
                </thead>
                <tbody>
                  {recent.map((a) => (
                    <tr key={`${a.question}-${a.at}`}>
                      <td>{new Date(a.at).toLocaleString()}</td>
                      <td>{questionText(a.question)}</td>
                      <td>
                        {a.covered} of {a.total}
                      </td>
                      <td>{a.structured ? 'yes' : 'no'}</td>
                      <td>
                        {a.self
                          ? `${(CRITERIA.reduce((s, c) => s + (a.self?.[c] ?? 0), 0) / CRITERIA.length).toFixed(1)} / 5`
                          : 'not rated'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <button type="button" class="button danger small" onClick={() => setConfirmClear(true)}>
              Clear my practice history
            </button>
          </>
        )}
      </section>

      {confirmClear && (
        <ConfirmDialog
          title="Clear your practice history?"
          confirmLabel="Clear history"
          danger
          onConfirm={clear}
          onCancel={() => setConfirmClear(false)}
        >
          <p>
            This deletes {record.attempts.length} attempts and their ratings from this browser. You can undo right
            after.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
