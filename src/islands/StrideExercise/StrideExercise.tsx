/**
 * Project 1 exercise: decompose the system, analyze each component with STRIDE-AI, review the
 * findings by risk, mitigate the worst, then check the analysis. The draft saves itself; the
 * grader and the answer key load only when the learner checks.
 */
import { byRisk, highestRisks, riskOf } from '../../lib/exercises/stride/risk';
import { useStore } from '@nanostores/preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StrideKey } from '../../lib/exercises/stride/rubric';
import { LIMITS } from '../../lib/share/fields';
import { emptyStrideAnswers, type StrideRow } from '../../lib/exercises/stride/answers';
import { STRIDE_STEPS } from '../../lib/exercises/stride/steps';
import { emptyRow, strideDraft } from '../../stores/stride-draft';
import { loadChecker } from '../common/check-failure';
import { MessageArea } from '../common/MessageArea';
import { FeedbackStepper, flaggedRows, notesByRow, revealNotes } from '../common/Feedback';
import { ExerciseFinish } from '../common/ExerciseSteps';
import { StepNav } from '../common/StepNav';
import type { StrideTypes } from '../../lib/exercises/stride/index';
import { useExercise, type ExerciseConfig } from '../common/use-exercise';
import { Decompose } from './Decompose';
import { Findings } from './Findings';
import { Mitigate } from './Mitigate';
import { Report, type KeyThreat } from './Report';
import { RowEditor } from './RowEditor';
import { useReader } from './read-back';
import type { TransferFormat } from '../common/Transfer';
import { CATEGORY_LABELS, GENERIC_QUESTIONS, type StrideExerciseProps } from './types';

type Keyed = StrideRow & { id: string };

const loadTransfer = () => import('./transfer-actions');

const TRANSFER_FORMATS: TransferFormat[] = [
  { kind: 'json', label: 'Download JSON' },
  { kind: 'csv', label: 'Download CSV' },
  { kind: 'md', label: 'Download Markdown report' },
  { kind: 'threat-dragon', label: 'Download Threat Dragon model' },
];

const fetchRubric = (url: string) =>
  loadChecker(() => import('../common/answer-key')).then((m) => m.fetchSiteJson<StrideKey>(url));

const CONFIG: ExerciseConfig<StrideTypes> = {
  kind: () => import('../../lib/exercises/stride/index').then((m) => m.strideKind),
  empty: emptyStrideAnswers,
  work: 'analysis',
  loaded: (answers, source) => `Loaded ${answers.rows.length} threats from ${source}.`,
  intro:
    "The check compares your rows with a reviewer's key: coverage of the threats that matter (60 %), specific mitigations (25 %) and ratings (15 %), minus deductions for copies, rows listing several threats and misconceptions. Plausible extra threats cost nothing.",
  importSummary: (imported, source, current) =>
    `${source} holds ${imported.rows.length} threats. Loading it replaces the ${current.rows.length} in your analysis now.`,
  resetSummary: (current) => `This clears your decomposition and all ${current.rows.length} threats.`,
  idPrefix: 'stride',
  formats: TRANSFER_FORMATS,
  load: loadTransfer,
};

export default function StrideExercise(props: StrideExerciseProps) {
  const {
    exercise,
    components,
    componentChoices,
    boundaryChoices,
    questions,
    exportContext,
    gradingContext,
    base,
    rubricUrl,
    patternsUrl,
    lessonTitles,
  } = props;
  const store = strideDraft(exercise);
  const draft = useStore(store.$draft, { ssr: 'initial' });
  const ex = useExercise(store, CONFIG, { rubricUrl, context: gradingContext });
  const { ready, message, setMessage, report, check, checkedRows, checkedAt, changedSinceCheck } = ex;
  const [reference, setReference] = useState<StrideKey | undefined>();
  // What to do once the next render is in the DOM: focus a new or shown row, a folded row's line,
  // or a row's notes.
  const afterRender = useRef<(() => void) | null>(null);
  const focusThreat = (id: string) => () => {
    const field = document.getElementById(`threat-${id}-threat`);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  // The read-back loads once there is a row to read.
  const reader = useReader(patternsUrl, ready && draft.answers.rows.length > 0);

  const rows = draft.answers.rows.filter((r): r is Keyed => typeof r.id === 'string');

  // Every component a row may name: the step 1 candidates, and the system's own (for older drafts).
  const named = useMemo(
    () => [...componentChoices, ...components.filter((c) => !componentChoices.some((k) => k.id === c.id))],
    [componentChoices, components],
  );
  // The editor offers what the learner chose in step 1 (all candidates until they choose), plus any
  // component a row already names, so it neither hides a decoy they ticked nor hints at the answer.
  const chosen = draft.answers.components;
  const editorComponents = useMemo(() => {
    const offered = chosen.length > 0 ? named.filter((c) => chosen.includes(c.id)) : componentChoices;
    const extra = named.filter((c) => !offered.includes(c) && rows.some((r) => r.component === c.id));
    return [...offered, ...extra];
  }, [named, chosen, componentChoices, rows]);

  // Rows from an older draft or an import without editor ids get them, so every row can be edited.
  useEffect(() => {
    if (ready && rows.length !== draft.answers.rows.length) store.replaceAnswers(draft.answers);
  }, [ready, rows.length, draft.answers]);

  // Rows open for editing. A saved analysis comes back folded to one line a row, except rows with
  // no threat written yet; a new, duplicated, restored or shown row opens. Printing opens them all.
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [printing, setPrinting] = useState(false);
  const opened = useRef(false);
  useEffect(() => {
    if (!ready || opened.current) return;
    opened.current = true;
    setOpen(new Set(rows.filter((r) => r.threat.trim() === '').map((r) => r.id)));
  }, [ready, rows]);
  useEffect(() => {
    const before = () => setPrinting(true);
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  const openRow = (id: string) => setOpen((current) => new Set([...current, id]));
  const toggle = (id: string) => {
    if (!open.has(id)) return openRow(id);
    // Focus goes to the row's one-line toggle (the button pressed may be gone).
    afterRender.current = () => document.querySelector<HTMLElement>(`#threat-${id} .threat-row__toggle`)?.focus();
    setOpen((current) => new Set([...current].filter((x) => x !== id)));
  };
  const setAllOpen = (on: boolean) => setOpen(new Set(on ? rows.map((r) => r.id) : []));

  // A row the feedback bar steps to: opened, in view, its notes unfolded and focused.
  const goToNotes = (id: string) => {
    afterRender.current = () => revealNotes(document.getElementById(`threat-${id}`));
    openRow(id);
  };

  useLayoutEffect(() => {
    const run = afterRender.current;
    afterRender.current = null;
    run?.();
  });

  // The last check's notes on each row, found by the row's id so they follow it when rows move.
  const rowFeedback = useMemo(
    () => notesByRow(report, 'analyze', checkedRows ?? rows.map((r) => r.id)),
    [report, checkedRows, rows],
  );

  const highRisk = useMemo(() => {
    return new Set(highestRisks(rows).map((r) => r.id));
  }, [rows]);

  const show = (id: string) => {
    afterRender.current = focusThreat(id);
    openRow(id);
  };

  const add = () => {
    const last = rows[rows.length - 1];
    const keep = last && editorComponents.some((c) => c.id === last.component);
    const row = emptyRow(keep ? last.component : (editorComponents[0]?.id ?? ''), last?.category ?? 'S');
    afterRender.current = focusThreat(row.id);
    openRow(row.id);
    store.addRow(row);
  };

  const duplicate = (id: string) => {
    const copy = store.duplicateRow(id);
    if (!copy) return;
    afterRender.current = focusThreat(copy);
    openRow(copy);
  };

  const remove = (id: string) => {
    const n = rows.findIndex((r) => r.id === id) + 1;
    const removed = store.removeRow(id);
    if (!removed) return;
    setMessage({
      tone: 'success',
      text: `Threat ${n} deleted.`,
      undo: () => {
        store.insertRow(removed.row, removed.index);
        const restored = removed.row.id;
        if (restored) {
          afterRender.current = focusThreat(restored);
          openRow(restored);
        }
        setMessage({ tone: 'success', text: `Threat ${n} restored.` });
      },
    });
  };

  const showReference = async () => {
    try {
      setReference(await fetchRubric(rubricUrl));
    } catch {
      setMessage({ tone: 'error', text: 'The reference solution could not be loaded. Try again.' });
    }
  };

  // "I think I covered this": the key's wording of one missed threat, from the key the check used.
  const loadKeyThreat = async (expected: string): Promise<KeyThreat | undefined> => {
    try {
      const key = await fetchRubric(rubricUrl);
      const threat = key.threats.find((t) => t.id === expected);
      if (!threat) return undefined;
      const pattern = key.library.patterns.find((p) => p.id === threat.pattern);
      return {
        name: threat.name,
        wording: threat.reference.threat,
        pattern: threat.pattern,
        patternName: pattern?.name ?? threat.pattern,
      };
    } catch {
      return undefined;
    }
  };

  const questionsOf = (component: string): Record<string, string> => questions[component] ?? GENERIC_QUESTIONS;
  const questionFor = (row: StrideRow) => questionsOf(row.component)[row.category];
  const disabled = !ready;

  return (
    <div class="exercise">
      <StepNav steps={STRIDE_STEPS} ready={ready} />

      <MessageArea message={message} />

      <section aria-labelledby="step-decompose" class="exercise__step">
        <h3 id="step-decompose">Step 1. Decompose the system</h3>
        <p class="prose">
          From the description and the diagram, choose the components that belong in the threat model and the trust
          boundaries the design crosses. The threat editor below offers the components you choose here (every candidate
          until you choose).
        </p>
        <Decompose
          draft={store}
          componentChoices={componentChoices}
          boundaryChoices={boundaryChoices}
          components={draft.answers.components}
          boundaries={draft.answers.boundaries ?? []}
          disabled={disabled}
        />
      </section>

      <section aria-labelledby="step-analyze" class="exercise__step">
        <h3 id="step-analyze">Step 2. Apply STRIDE-AI to each component</h3>
        <p class="prose">
          One row per threat: pick the component and the STRIDE category, say who does what to which asset and what it
          would cost, rate likelihood and severity from 1 to 3 (each option says what the number means; a new threat is
          unrated until you rate it), and propose a mitigation. The question under the selects changes with them, and
          under each threat you see how a reviewer reads it. Order does not matter: step 3 ranks your rows by risk.
        </p>
        <details class="questions-panel">
          <summary>All guiding questions, by component</summary>
          {editorComponents.map((c) => (
            <div key={c.id}>
              <h4>{c.name}</h4>
              <ul>
                {Object.entries(questionsOf(c.id)).map(([letter, q]) => (
                  <li key={letter}>
                    <strong>{CATEGORY_LABELS[letter as keyof typeof CATEGORY_LABELS]}.</strong> {q}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
        {rows.length === 0 && (
          <p class="callout">
            No threats yet. Add your first one; aim for one row per threat, usually {props.typicalRows} for a system
            like this.
          </p>
        )}
        {rows.length > 1 && (
          <p class="button-row threat-rows__fold">
            <span class="meta">
              {rows.length} threats, {rows.filter((r) => open.has(r.id)).length} open.
            </span>
            <button type="button" class="button secondary small" onClick={() => setAllOpen(true)}>
              Open all
            </button>
            <button type="button" class="button secondary small" onClick={() => setAllOpen(false)}>
              Fold all to one line
            </button>
          </p>
        )}
        {rows.map((row, index) => (
          <RowEditor
            expanded={printing || open.has(row.id)}
            onToggle={toggle}
            draft={store}
            key={row.id}
            row={row}
            index={index}
            count={rows.length}
            components={editorComponents}
            question={questionFor(row)}
            highRisk={highRisk.has(row.id)}
            disabled={disabled}
            reader={reader}
            onDuplicate={duplicate}
            onDelete={remove}
            feedback={
              rowFeedback.has(row.id)
                ? { items: rowFeedback.get(row.id) ?? [], stale: changedSinceCheck, base, lessonTitles }
                : undefined
            }
          />
        ))}
        {report && rowFeedback.size > 0 && (
          <FeedbackStepper
            key={checkedAt}
            flagged={flaggedRows(
              rowFeedback,
              rows.map((r, i) => ({ id: r.id, label: `Threat ${i + 1}` })),
            )}
            judged={rowFeedback.size}
            noun={['threat', 'threats']}
            stale={changedSinceCheck}
            onGo={goToNotes}
          />
        )}
        <button type="button" class="button" onClick={add} disabled={disabled || rows.length >= LIMITS.rows}>
          Add a threat
        </button>
        {rows.length >= LIMITS.rows && <p class="meta">That is the most rows one analysis can hold ({LIMITS.rows}).</p>}
      </section>

      <section aria-labelledby="step-findings" class="exercise__step">
        <h3 id="step-findings">Step 3. Document the findings</h3>
        <p class="prose">
          Your threats ranked by risk (likelihood × severity), and where they fall on the risk matrix.
        </p>
        <Findings rows={rows} components={named} onShow={show} />
      </section>

      <section aria-labelledby="step-mitigate" class="exercise__step">
        <h3 id="step-mitigate">Step 4. Mitigate the highest risks</h3>
        <p class="prose">
          The riskiest threats need a mitigation someone could act on: the control, and where it applies. “Monitor it”
          is not one.
        </p>
        <Mitigate rows={rows} highRisk={highRisk} components={named} onShow={show} />
      </section>

      <ExerciseFinish
        ex={ex}
        draft={draft}
        config={CONFIG}

        empty={rows.length === 0 && draft.answers.components.length === 0}
        context={exportContext}
      >
        {report && (
          <Report
            report={report}
            base={base}
            lessonTitles={lessonTitles}
            attempts={draft.attempts}
            checkedAt={checkedAt}
            changed={changedSinceCheck}
            revealed={draft.revealed}
            onReveal={() => void check({ countAttempt: false, reveal: true })}
            onShowRow={(index) => {
              const id = checkedRows ? checkedRows[index] : rows[index]?.id;
              if (id && rows.some((r) => r.id === id)) show(id);
            }}
            onShowReference={() => void showReference()}
            referenceShown={reference !== undefined}
            rows={rows.map((r, i) => ({ id: r.id, name: `Threat ${i + 1}`, text: r.threat }))}
            onLoadKeyThreat={loadKeyThreat}
            onClaim={(rowId, threat) => {
              store.setReading(rowId, threat.pattern);
              openRow(rowId);
            }}
          />
        )}
        {reference && (
          <section aria-labelledby="reference-title" class="reference-solution">
            <h4 id="reference-title">Reference solution</h4>
            <p class="meta">One reviewer's answer, not the only right one. Compare the reasoning, not the wording.</p>
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Reference threats, highest risk first</caption>
                <thead>
                  <tr>
                    <th scope="col">Threat</th>
                    <th scope="col">Component</th>
                    <th scope="col">Category</th>
                    <th scope="col">Risk</th>
                    <th scope="col">Mitigation</th>
                  </tr>
                </thead>
                <tbody>
                  {byRisk(reference.threats).map((t) => (
                    <tr key={t.id}>
                      <th scope="row">
                        {t.name}
                        <p class="meta">{t.reference.threat}</p>
                      </th>
                      <td>{components.find((c) => c.id === t.component)?.name ?? t.component}</td>
                      <td>{CATEGORY_LABELS[t.category]}</td>
                      <td>{riskOf(t)}</td>
                      <td>{t.reference.mitigation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </ExerciseFinish>
    </div>
  );
}
