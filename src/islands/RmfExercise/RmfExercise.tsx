/**
 * Project 2 exercise: map the contexts that shape risk, assess each subcategory in scope with
 * evidence from the dossier, choose and order the top three gaps, and write the summary for
 * stakeholders; then check the analysis. The draft saves itself; the grader and the answer key
 * load only when the learner checks.
 */
import { useStore } from '@nanostores/preact';
import { useMemo, useState } from 'preact/hooks';
import { checkSubcategory } from '../../lib/catalog/rmf-subcategories';
import { emptyRmfAnswers, type RmfAssessment } from '../../lib/exercises/rmf/answers';
import { RMF_STEPS } from '../../lib/exercises/rmf/steps';
import { rmfDraft } from '../../stores/rmf-draft';
import { MessageArea } from '../common/MessageArea';
import { CountedText } from '../common/CountedText';
import { FeedbackStepper, flaggedRows, GradedReport, notesByRow, revealNotes } from '../common/Feedback';
import { ExerciseFinish } from '../common/ExerciseSteps';
import { StepNav } from '../common/StepNav';
import type { RmfTypes } from '../../lib/exercises/rmf/index';
import { useExercise, type ExerciseConfig } from '../common/use-exercise';
import type { TransferFormat } from '../common/Transfer';
import { Assessment } from './Assessment';
import { useDossierCite } from './dossier-cite';
import { Priorities } from './Priorities';
import { StakeholderReport } from './StakeholderReport';
import type { RmfExerciseProps } from './types';

const loadTransfer = () => import('./transfer-actions');

const TRANSFER_FORMATS: TransferFormat[] = [
  { kind: 'json', label: 'Download JSON' },
  { kind: 'md', label: 'Download report (Markdown)' },
  { kind: 'csv', label: 'Download risk register (CSV)' },
];

const CONFIG: ExerciseConfig<RmfTypes> = {
  kind: () => import('../../lib/exercises/rmf/index').then((m) => m.rmfKind),
  empty: emptyRmfAnswers,
  work: 'analysis',
  intro:
    "The check compares your work with an assessor's key: contexts, statuses (defensible alternatives count), the evidence behind them, your top three and their order, the mitigations, and how the summary frames the gaps.",
  importSummary: (answers, source) =>
    `${source} holds ${answers.assessments.length} assessments and ${answers.priorities.length} priorities. Loading it replaces your analysis now.`,
  resetSummary: () => 'This clears your contexts, all assessments, priorities and the summary.',
  idPrefix: 'rmf',
  formats: TRANSFER_FORMATS,
  load: loadTransfer,
};

/** Said before the button that shows the key's answers. */
const HINT =
  "Statuses and priorities you got wrong are hinted first. The key's answers appear on your next attempt, or now:";

export default function RmfExercise(props: RmfExerciseProps) {
  const { exercise, contexts, scope, facts, topics, exportContext, rubricUrl, base, lessonTitles } = props;
  const store = rmfDraft(exercise);
  const draft = useStore(store.$draft, { ssr: 'initial' });
  const [showReport, setShowReport] = useState(false);
  const [addInput, setAddInput] = useState('');
  // The export context is the grading context, plus the title and obligations.
  const ex = useExercise(store, CONFIG, { rubricUrl, context: exportContext });
  const { ready, message, setMessage, report, checkedRows, changedSinceCheck } = ex;

  const answers = draft.answers;
  const disabled = !ready;
  const titles = exportContext.subcategories;
  const inScope = new Set(scope.map((s) => s.subcategory));
  const extra = answers.assessments.filter((a) => !inScope.has(a.subcategory));
  const byId = new Map(answers.assessments.map((a) => [a.subcategory, a]));
  const assessedInScope = scope.filter((s) => byId.has(s.subcategory)).length;
  // The assessment being worked on: the dossier's cards cite facts for it.
  const [working, setWorking] = useState<string | null>(null);
  useDossierCite({
    active: working ? byId.get(working) : undefined,
    disabled,
    toggle: (subcategory, fact, on) => {
      const cited = byId.get(subcategory)?.evidence ?? [];
      store.updateAssessment(subcategory, {
        evidence: on ? [...new Set([...cited, fact])] : cited.filter((f) => f !== fact),
      });
    },
  });
  // The last check's notes on each assessment, by subcategory.
  const notes = useMemo(
    () => notesByRow(report, 'measure', checkedRows ?? answers.assessments.map((a) => a.subcategory)),
    [report, checkedRows, answers.assessments],
  );
  const notesOn = (subcategory: string) => {
    const items = notes.get(subcategory);
    return items ? { items, stale: changedSinceCheck, base, lessonTitles } : undefined;
  };

  const addSubcategory = () => {
    const { id, problem } = checkSubcategory(addInput, Object.keys(titles));
    if (problem) {
      setMessage({ tone: 'error', text: problem });
      return;
    }
    if (byId.has(id) || inScope.has(id)) {
      setMessage({ tone: 'error', text: `${id} is already in your assessment.` });
      return;
    }
    store.updateAssessment(id, { status: 'missing' });
    setAddInput('');
    setMessage({
      tone: 'success',
      text: `${id} ${titles[id] ?? ''} added, marked Missing until you choose its status.`,
    });
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-subcategory="${id}"] input`)?.focus());
  };

  const removeExtra = (a: RmfAssessment) => {
    const removed = store.removeAssessment(a.subcategory);
    if (!removed) return;
    setMessage({
      tone: 'success',
      text: `${a.subcategory} removed.`,
      undo: () => store.restoreAssessment(removed.assessment, removed.index),
    });
  };

  const removePriorityAt = (index: number) => {
    const removed = store.removePriority(index);
    if (!removed) return;
    setMessage({
      tone: 'success',
      text: `Priority ${index + 1} removed.`,
      undo: () => store.insertPriority(removed, index),
    });
  };

  const openReport = () => {
    store.flush();
    setShowReport(true);
    requestAnimationFrame(() => document.getElementById('stakeholder-report')?.focus());
  };

  const empty =
    answers.contexts.length === 0 &&
    answers.assessments.length === 0 &&
    answers.priorities.length === 0 &&
    answers.report === '';

  return (
    <div class={`exercise${showReport ? ' printing-report' : ''}`}>
      <StepNav steps={RMF_STEPS} ready={ready} />

      <MessageArea message={message} />

      <section aria-labelledby="step-map" class="exercise__step">
        <h3 id="step-map">Step 1. Map: the contexts that shape the risk</h3>
        <p class="prose">
          Which of these describe how this system is used and what it touches? Choose the ones that change its risk, and
          note why.
        </p>
        <ul class="context-list">
          {contexts.map((c) => {
            const on = answers.contexts.includes(c.id);
            return (
              <li key={c.id}>
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={disabled}
                    onChange={(e) => store.toggleContext(c.id, e.currentTarget.checked)}
                  />
                  <span>
                    <strong>{c.name}</strong> <span class="meta">{c.description}</span>
                  </span>
                </label>
                {on && (
                  <div class="field">
                    <label for={`context-${c.id}-note`}>Why it matters here (optional)</label>
                    <input
                      id={`context-${c.id}-note`}
                      type="text"
                      maxLength={4000}
                      value={answers.contextNotes?.[c.id] ?? ''}
                      disabled={disabled}
                      onInput={(e) => store.setContextNote(c.id, e.currentTarget.value)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="step-measure" class="exercise__step">
        <h3 id="step-measure">Step 2. Measure: assess each subcategory against the dossier</h3>
        <p class="prose">
          For each outcome, decide how far it is in place today and cite the dossier facts that show it. Cite only what
          bears on the outcome: a citation that proves nothing counts against you. {assessedInScope} of {scope.length}{' '}
          assessed.
        </p>
        {scope.map((item) => (
          <Assessment
            key={item.subcategory}
            draft={store}
            item={item}
            assessment={byId.get(item.subcategory)}
            facts={facts}
            topics={topics}
            disabled={disabled}
            feedback={notesOn(item.subcategory)}
            onWork={setWorking}
          />
        ))}
        {extra.map((a) => (
          <Assessment
            draft={store}
            key={a.subcategory}
            item={{ subcategory: a.subcategory, title: titles[a.subcategory] ?? '', summary: '', question: '' }}
            assessment={a}
            facts={facts}
            topics={topics}
            disabled={disabled}
            feedback={notesOn(a.subcategory)}
            onWork={setWorking}
            onRemove={() => removeExtra(a)}
          />
        ))}
        {report && notes.size > 0 && (
          <FeedbackStepper
            key={ex.checkedAt}
            flagged={flaggedRows(
              notes,
              [...scope.map((s) => s.subcategory), ...extra.map((a) => a.subcategory)].map((id) => ({ id, label: id })),
            )}
            judged={notes.size}
            noun={['assessment', 'assessments']}
            stale={changedSinceCheck}
            onGo={(subcategory) =>
              revealNotes(document.querySelector(`[data-subcategory="${CSS.escape(subcategory)}"]`))
            }
          />
        )}
        <div class="field add-subcategory">
          <label for="add-subcategory">Assess another subcategory (optional)</label>
          <div class="field-row">
            <input
              id="add-subcategory"
              type="text"
              list="rmf-subcategories"
              placeholder="e.g. GOVERN 1.4"
              maxLength={30}
              value={addInput}
              disabled={disabled}
              onInput={(e) => setAddInput(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addSubcategory();
                }
              }}
            />
            <button
              type="button"
              class="button secondary"
              disabled={disabled || addInput.trim() === ''}
              onClick={addSubcategory}
            >
              Add
            </button>
          </div>
          <datalist id="rmf-subcategories">
            {Object.entries(titles).map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </datalist>
        </div>
      </section>

      <section aria-labelledby="step-manage" class="exercise__step">
        <h3 id="step-manage">Step 3. Manage: the top three gaps</h3>
        <p class="prose">
          Which gaps must close first, given the risk appetite and the obligations? Put them in order, and give each a
          mitigation someone could act on, an owner and a date.
        </p>
        <Priorities draft={store} answers={answers} titles={titles} disabled={disabled} onRemove={removePriorityAt} />
      </section>

      <section aria-labelledby="step-report" class="exercise__step">
        <h3 id="step-report">Step 4. Report to stakeholders</h3>
        <p class="prose">
          Write the summary the launch decision needs: what is ready, what is not, and what each top gap means as
          operational risk and as compliance risk.
        </p>
        <CountedText
          id="rmf-report"
          label="Executive summary"
          rows={8}
          value={answers.report}
          disabled={disabled}
          onInput={store.setReport}
          advice="Aim for 100 to 200 words that count."
        />
        <div class="button-row">
          <button type="button" class="button secondary" disabled={disabled} onClick={openReport}>
            Preview the stakeholder report
          </button>
        </div>
        {showReport && (
          <StakeholderReport answers={answers} context={exportContext} onClose={() => setShowReport(false)} />
        )}
      </section>

      <ExerciseFinish ex={ex} draft={draft} config={CONFIG} empty={empty} context={exportContext}>
        <GradedReport exercise={ex} draft={draft} steps={RMF_STEPS} page={props} hint={HINT} />
      </ExerciseFinish>
    </div>
  );
}
