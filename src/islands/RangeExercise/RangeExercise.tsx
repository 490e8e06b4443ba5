/**
 * Project 3 exercise: plan an ATLAS kill chain, set the rules of engagement, run evasion and
 * poisoning in the in-browser range, then harden and write the plan; check it against the key.
 * The draft saves itself; the range runs in a Web Worker, and the grader and the answer key load
 * only when the learner checks.
 */
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { formatDuration, type RangeConfig } from '../../lib/range/config';
import type { RunReport } from '../../lib/range/run';
import { movedMetric as moved } from '../../lib/range/moved';
import { emptyAtlasAnswers, type AtlasAnswers } from '../../lib/exercises/atlas/answers';
import { ATLAS_STEPS } from '../../lib/exercises/atlas/steps';
import { atlasDraft } from '../../stores/atlas-draft';
import { MessageArea } from '../common/MessageArea';
import { CountedText } from '../common/CountedText';
import { GradedReport, notesByRow, VerdictChip } from '../common/Feedback';
import type { FeedbackItem } from '../../lib/grading/report';
import { ExerciseFinish } from '../common/ExerciseSteps';
import { StepNav } from '../common/StepNav';
import type { AtlasTypes } from '../../lib/exercises/atlas/index';
import { useExercise, type ExerciseConfig } from '../common/use-exercise';
import type { TransferFormat } from '../common/Transfer';
import { ChainEditor } from './ChainEditor';
import { DefensesEditor } from './DefensesEditor';
import { ATTACK_INFO, DEFENSE_INFO } from './labels';
import { RangeConsole } from './RangeConsole';
import { RunReportView } from './RunReport';
import type { AtlasExportContext, RangeExerciseProps } from './types';

const loadTransfer = () => import('./transfer-actions');

const TRANSFER_FORMATS: TransferFormat[] = [
  { kind: 'json', label: 'Download JSON' },
  { kind: 'navigator', label: 'Download ATLAS Navigator layer' },
  { kind: 'md', label: 'Download after-action report (Markdown)' },
];

const CONFIG: ExerciseConfig<AtlasTypes> = {
  // The check replays recorded runs: in the range's worker, like the runs themselves.
  kind: () =>
    Promise.all([
      import('../../lib/exercises/atlas/index'),
      import('./range-client').then((client) => client.replayInWorker()),
    ]).then(([m]) => m.atlasKind),
  empty: emptyAtlasAnswers,
  work: 'engagement',
  intro:
    "The check compares your work with a red-team lead's key: techniques and their order, rules of engagement, your runs, every mitigation-technique pair against ATLAS's links, and the points your plan makes.",
  importSummary: (answers, source) =>
    `${source} holds ${answers.chain.length} techniques, ${answers.runs.length} runs and ${answers.defenses.length} mitigations. Loading it replaces your engagement now.`,
  resetSummary: () => 'This clears your chain, rules of engagement, recorded runs, mitigations and plan.',
  idPrefix: 'atlas',
  formats: TRANSFER_FORMATS,
  load: loadTransfer,
};

/** Said before the button that shows the key's answers. */
const HINT = "Missed steps and safeguards are hinted first. The key's answers appear on your next attempt, or now:";

export default function RangeExercise(props: RangeExerciseProps) {
  const { exercise, base, rubricUrl, gradingContext, roeChoices, scenarioTitle } = props;
  const { catalog, roeNames } = gradingContext;
  const store = atlasDraft(exercise);
  const draft = useStore(store.$draft, { ssr: 'initial' });
  const [lastReport, setLastReport] = useState<RunReport | null>(null);
  const [replaying, setReplaying] = useState<number | null>(null);
  const ex = useExercise(store, CONFIG, { rubricUrl, context: gradingContext });
  const { ready, message, setMessage } = ex;

  const answers = draft.answers;
  const disabled = !ready;
  const exportContext: AtlasExportContext = { catalog, title: scenarioTitle, roeNames };

  const runRange = async (
    config: RangeConfig,
    onProgress: (done: number, label: string) => void,
  ): Promise<RunReport> => {
    const [{ runInRange }, { runRecord }] = await Promise.all([
      import('./range-client'),
      import('../../lib/range/record-of'),
    ]);
    const result = await runInRange(config, onProgress);
    setLastReport(result);
    store.recordRun(runRecord(result, new Date()));
    setMessage({
      tone: 'success',
      text: `Run recorded: ${result.achieved ? 'the attack succeeded' : 'the attack failed'}; ${result.timeToDetect === null ? 'not detected' : `detected after ${formatDuration(result.timeToDetect)}`}.`,
    });
    return result;
  };

  /** Runs a recorded run again to show its report: same seed and settings, same result; not recorded twice. */
  const replayRun = async (index: number) => {
    const run = answers.runs[index];
    if (!run) return;
    const [{ runInRange }, { configOf }, { DEFAULT_CONFIG }] = await Promise.all([
      import('./range-client'),
      import('../../lib/range/record-of'),
      import('../../lib/range/config'),
    ]);
    const config = configOf(run, DEFAULT_CONFIG);
    if (!config) {
      setMessage({
        tone: 'error',
        text: `Run ${index + 1} was recorded without its settings, so it cannot be replayed. Run it again from the console.`,
      });
      return;
    }
    setReplaying(index);
    try {
      setLastReport(await runInRange(config, () => {}));
      setMessage({
        tone: 'success',
        text: `Run ${index + 1} replayed: its report is below the console. It is not recorded twice.`,
      });
      requestAnimationFrame(() => document.getElementById('run-report')?.focus());
    } catch (error) {
      setMessage({
        tone: 'error',
        text: `The range stopped before finishing: ${error instanceof Error ? error.message : 'unknown error'}.`,
      });
    } finally {
      setReplaying(null);
    }
  };

  const removeRunAt = (index: number) => {
    const removed = store.removeRun(index);
    if (!removed) return;
    setMessage({
      tone: 'success',
      text: `Run ${index + 1} removed from your record.`,
      undo: () => store.insertRun(removed, index),
    });
  };

  const empty =
    answers.chain.length === 0 &&
    answers.roe.length === 0 &&
    answers.runs.length === 0 &&
    answers.defenses.length === 0 &&
    answers.hardening === '';

  return (
    <div class="exercise">
      <StepNav steps={ATLAS_STEPS} ready={ready} />
      <MessageArea message={message} />

      <section aria-labelledby="step-chain" class="exercise__step">
        <h3 id="step-chain">Step 1. Select techniques: the kill chain</h3>
        <p class="prose">
          Which ATLAS techniques would the ring use against this model, and in what order? Add them as steps, with what
          each gives the attacker here. Evasion and poisoning are separate routes: put each step after the ones it
          depends on.
        </p>
        <ChainEditor
          draft={store}
          chain={answers.chain}
          catalog={catalog}
          base={base}
          disabled={disabled}
          onMessage={setMessage}
        />
      </section>

      <section aria-labelledby="step-range" class="exercise__step">
        <h3 id="step-range">Step 2. Design the isolated range: rules of engagement</h3>
        <p class="prose">Tick what this engagement must have. Some choices sound sensible and would cause harm.</p>
        <fieldset class="roe-list">
          <legend>Rules of engagement and safety</legend>
          {roeChoices.map((c) => (
            <label key={c.id} class="choice">
              <input
                type="checkbox"
                checked={answers.roe.includes(c.id)}
                disabled={disabled}
                onChange={(e) => store.toggleRoe(c.id, e.currentTarget.checked)}
              />
              <span>
                <strong>{c.name}</strong> <span class="meta">{c.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="step-execute" class="exercise__step">
        <h3 id="step-execute">Step 3. Execute red-team attacks in the range</h3>
        <p class="prose">
          Run at least one evasion and one poisoning attack with no defenses, and read what the attacker got and what
          the defenders saw. Every run is recorded below and goes into your submission.
        </p>
        <RangeConsole disabled={disabled || replaying !== null} onRun={runRange} onMessage={setMessage} />
        {lastReport && <RunReportView report={lastReport} />}
        <RunsTable
          runs={answers.runs}
          disabled={disabled || replaying !== null}
          replaying={replaying}
          onReplay={(i) => void replayRun(i)}
          onRemove={removeRunAt}
          checked={
            // Runs have no ids: the chips show only while the runs are as the check saw them.
            ex.report && !ex.changedSinceCheck
              ? notesByRow(
                  ex.report,
                  'execute',
                  answers.runs.map((_, i) => String(i)),
                )
              : undefined
          }
          page={props}
        />
      </section>

      <section aria-labelledby="step-harden" class="exercise__step">
        <h3 id="step-harden">Step 4. Analyse and harden</h3>
        <p class="prose">
          Switch defenses on in the console above and rerun the same attacks; compare the runs in the table. Then choose
          the ATLAS mitigations you would put in place, say which of your techniques each counters, and write the plan.
        </p>
        <DefensesEditor
          draft={store}
          answers={answers}
          catalog={catalog}
          base={base}
          disabled={disabled}
          onMessage={setMessage}
        />
        <CountedText
          id="hardening-plan"
          label="Hardening plan"
          rows={9}
          value={answers.hardening}
          disabled={disabled}
          onInput={store.setHardening}
          advice="Name the mitigation IDs (AML.M…) and what each changes in the pipeline, the API and monitoring. Aim for 80 to 170 words that count."
        />
      </section>

      <ExerciseFinish ex={ex} draft={draft} config={CONFIG} empty={empty} context={exportContext}>
        <GradedReport exercise={ex} draft={draft} steps={ATLAS_STEPS} page={props} hint={HINT} />
      </ExerciseFinish>
    </div>
  );
}

/** The figure a run's attack moved: "Fraud with the trigger approved: 6% → 92%". */
function Moved({ run }: { run: AtlasAnswers['runs'][number] }) {
  const { label, value } = moved(run);
  return (
    <>
      <span class="meta">{label}:</span> {value}
    </>
  );
}

interface RunsTableProps {
  runs: AtlasAnswers['runs'];
  disabled: boolean;
  replaying: number | null;
  onReplay: (index: number) => void;
  onRemove: (index: number) => void;
  /** The last check's notes on each run, by index; none before a check or once the work has changed. */
  checked: ReadonlyMap<string, FeedbackItem[]> | undefined;
  page: { base: string; lessonTitles: Record<string, string> };
}

function RunsTable({ runs, disabled, replaying, onReplay, onRemove, checked, page }: RunsTableProps) {
  const chip = (i: number) => {
    const items = checked?.get(String(i));
    return items ? <VerdictChip feedback={{ items, stale: false, ...page }} /> : null;
  };
  if (runs.length === 0) return <p class="empty-state">No runs recorded yet. Choose an attack above and run it.</p>;
  return (
    <div class="table-scroll">
      <table class="runs-table">
        <caption>Your recorded runs, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Attack</th>
            <th scope="col">Defenses</th>
            <th scope="col">Attacker succeeded</th>
            <th scope="col">Calls</th>
            <th scope="col">Time to detect</th>
            <th scope="col">What the attack moved</th>
            <th scope="col">False declines before → after</th>
            {checked && <th scope="col">Last check</th>}
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => (
            <tr key={`${r.ranAt}-${i}`}>
              <td>{i + 1}</td>
              <td>{r.attack in ATTACK_INFO ? ATTACK_INFO[r.attack as keyof typeof ATTACK_INFO].label : r.attack}</td>
              <td>
                {r.defenses.length === 0
                  ? 'none'
                  : r.defenses
                      .map((d) => (d in DEFENSE_INFO ? `${DEFENSE_INFO[d as keyof typeof DEFENSE_INFO].label}` : d))
                      .join(', ')}
              </td>
              <td>{r.achieved ? 'yes' : 'no'}</td>
              <td>{r.queries}</td>
              <td>{r.timeToDetect === null ? 'not detected' : formatDuration(r.timeToDetect)}</td>
              <td>
                <Moved run={r} />
              </td>
              <td>
                {r.falseDeclinesBefore === undefined || r.falseDeclinesAfter === undefined
                  ? 'not recorded'
                  : `${r.falseDeclinesBefore} → ${r.falseDeclinesAfter}`}
              </td>
              {checked && <td>{chip(i) ?? <span class="meta">not replayed</span>}</td>}
              <td>
                {r.settings && (
                  <button
                    type="button"
                    class="button secondary small"
                    disabled={disabled}
                    aria-label={`Show the report of run ${i + 1}`}
                    onClick={() => onReplay(i)}
                  >
                    {replaying === i ? 'Running…' : 'Report'}
                  </button>
                )}{' '}
                <button
                  type="button"
                  class="button secondary small"
                  disabled={disabled}
                  aria-label={`Remove run ${i + 1}`}
                  onClick={() => onRemove(i)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
