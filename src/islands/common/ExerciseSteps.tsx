/**
 * The last steps every exercise has: "Check" (what the check compares, the check and start-over
 * buttons, then the report), "Save, share or continue elsewhere" (the transfer panel), and the
 * confirmations before the work is replaced. One place, so every exercise behaves the same; an
 * exercise gives only its ExerciseConfig.
 */
import type { ComponentChildren } from 'preact';
import { Transfer, transferHandlers, type TransferActions, type TransferFormat } from './Transfer';
import type { Draft } from '../../lib/progress/draft';
import { ReplaceDialogs } from './ReplaceDialogs';
import type { KindTypes } from '../../lib/exercises/types';
import type { ExerciseConfig, ExerciseState } from './use-exercise';

interface CheckStepProps<A> {
  exercise: ExerciseState<A>;
  /** What the work is called: "analysis" makes "Check your analysis" and "Check my analysis". */
  work: string;
  /** What the check compares, in a sentence or two. */
  intro: ComponentChildren;
  /** Nothing to clear yet: Start over is disabled. */
  empty: boolean;
  /** The report, once checked. */
  children?: ComponentChildren;
}

function CheckStep<A>({ exercise, work, intro, empty, children }: CheckStepProps<A>) {
  const disabled = !exercise.ready;
  return (
    <section aria-labelledby="step-check" class="exercise__step">
      <h3 id="step-check">Check your {work}</h3>
      <p class="prose">{intro}</p>
      <div class="button-row">
        <button
          type="button"
          class="button"
          disabled={disabled || exercise.checking}
          onClick={() => void exercise.check()}
        >
          {exercise.checking ? 'Checking…' : `Check my ${work}`}
        </button>
        <button type="button" class="button danger" disabled={disabled || empty} onClick={exercise.askReset}>
          Start over
        </button>
      </div>
      {children}
    </section>
  );
}

interface TransferStepProps<A, S, C> {
  exercise: ExerciseState<A>;
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Download buttons, the first one primary. */
  formats: TransferFormat[];
  /** Loads the exercise's export and import code when first used. */
  load: () => Promise<TransferActions<A, S, C>>;
  answers: A;
  /** What the exports need of the scenario. */
  context: C;
}

/**
 * Save, share or continue elsewhere: the transfer panel, wired to the exercise's state. A report
 * goes into the exports only while it is about the work as it is.
 */
function TransferStep<A, S, C>({ exercise, idPrefix, formats, load, answers, context }: TransferStepProps<A, S, C>) {
  return (
    <section aria-labelledby="step-transfer" class="exercise__step">
      <h3 id="step-transfer">Save, share or continue elsewhere</h3>
      <Transfer<A>
        idPrefix={idPrefix}
        formats={formats}
        disabled={!exercise.ready}
        {...transferHandlers(
          load,
          exercise.exercise,
          answers,
          context,
          exercise.changedSinceCheck ? undefined : exercise.report,
        )}
        onImport={exercise.askImport}
        onMessage={(tone, text) => exercise.setMessage({ tone, text })}
      />
    </section>
  );
}

interface FinishProps<T extends KindTypes, S, C> {
  ex: ExerciseState<T['answers']>;
  draft: Draft<T['answers']>;
  config: ExerciseConfig<T, S, C>;
  empty: boolean;
  /** What the exports need of the scenario. */
  context: C;
  /** The report, once checked (GradedReport, or the exercise's own). */
  children: ComponentChildren;
}

/** Check, then save and share, and the confirmations before the work is replaced: every exercise ends so. */
export function ExerciseFinish<T extends KindTypes, S, C>({
  ex,
  draft,
  config,
  empty,
  context,
  children,
}: FinishProps<T, S, C>) {
  return (
    <>
      <CheckStep exercise={ex} work={config.work} intro={config.intro} empty={empty}>
        {children}
      </CheckStep>
      <TransferStep
        exercise={ex}
        idPrefix={config.idPrefix}
        formats={config.formats}
        load={config.load}
        answers={draft.answers}
        context={context}
      />
      <ReplaceDialogs
        exercise={ex}
        work={config.work}
        importSummary={(imported, source) => config.importSummary(imported, source, draft.answers)}
        resetSummary={config.resetSummary(draft.answers)}
      />
    </>
  );
}
