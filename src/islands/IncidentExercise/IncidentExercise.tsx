/**
 * An incident lab (the `atlas-chain` kind with a chain-only key): read the write-up, then list the
 * ATLAS techniques the attacker used, in order, each with the evidence for it; check it against the
 * key. The same chain editor, draft, check and exports as Project 3, without the range: nothing of
 * the range's code loads on this page.
 */
import { useStore } from '@nanostores/preact';
import { emptyAtlasAnswers } from '../../lib/exercises/atlas/answers';
import { INCIDENT_STEPS } from '../../lib/exercises/atlas/steps';
import type { AtlasTypes } from '../../lib/exercises/atlas/index';
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import type { AtlasGradingContext } from '../../lib/exercises/atlas/context';
import { atlasDraft } from '../../stores/atlas-draft';
import { MessageArea } from '../common/MessageArea';
import { GradedReport } from '../common/Feedback';
import { ExerciseFinish } from '../common/ExerciseSteps';
import { StepNav } from '../common/StepNav';
import { useExercise, type ExerciseConfig } from '../common/use-exercise';
import type { TransferFormat } from '../common/Transfer';
import { ChainEditor } from '../RangeExercise/ChainEditor';
import type { AtlasExportContext } from '../RangeExercise/types';

export interface IncidentExerciseProps {
  /** The exercise (its draft and answer key). */
  exercise: ExerciseOfKind<'atlas-chain'>;
  base: string;
  /** Where the answer key is fetched from when the learner checks. */
  rubricUrl: string;
  /** The catalog release's ATLAS tactics and techniques (the kind's `gradingContext`). */
  gradingContext: AtlasGradingContext;
  scenarioTitle: string;
  /** Lesson titles by site path, to name the lessons feedback links to. */
  lessonTitles: Record<string, string>;
}

const TRANSFER_FORMATS: TransferFormat[] = [
  { kind: 'json', label: 'Download JSON' },
  { kind: 'navigator', label: 'Download ATLAS Navigator layer' },
  { kind: 'md', label: 'Download incident analysis (Markdown)' },
];

const CONFIG: ExerciseConfig<AtlasTypes> = {
  kind: () => import('../../lib/exercises/atlas/index').then((m) => m.atlasKind),
  empty: emptyAtlasAnswers,
  work: 'analysis',
  intro:
    "The check compares your chain with an incident responder's key: which techniques the write-up shows, whether your order fits what had to happen first, and whether each step cites the evidence for it.",
  importSummary: (answers, source) =>
    `${source} holds ${answers.chain.length} techniques. Loading it replaces your chain now.`,
  resetSummary: () => 'This clears your chain and every note on it.',
  idPrefix: 'incident',
  formats: TRANSFER_FORMATS,
  load: () => import('../RangeExercise/transfer-actions'),
};

/** Said before the button that shows the key's answers. */
const HINT = "Missed steps are hinted first. The key's chain appears on your next attempt, or now:";

export default function IncidentExercise(props: IncidentExerciseProps) {
  const { exercise, base, rubricUrl, gradingContext, scenarioTitle } = props;
  const { catalog, roeNames } = gradingContext;
  const store = atlasDraft(exercise);
  const draft = useStore(store.$draft, { ssr: 'initial' });
  const ex = useExercise(store, CONFIG, { rubricUrl, context: gradingContext });
  const { ready, message, setMessage } = ex;
  const answers = draft.answers;
  const exportContext: AtlasExportContext = { catalog, title: scenarioTitle, roeNames, incident: true };

  return (
    <div class="exercise">
      <StepNav steps={INCIDENT_STEPS} ready={ready} />
      <MessageArea message={message} />

      <section aria-labelledby="step-chain" class="exercise__step">
        <h3 id="step-chain">Step 1. Tag the write-up: the attack chain</h3>
        <p class="prose">
          Which ATLAS techniques did the attacker use, and in what order? Add one step per technique, where it first
          happened, and say what in the write-up shows it. Leave out what the write-up does not support: a longer chain
          is not a better one.
        </p>
        <ChainEditor
          draft={store}
          chain={answers.chain}
          catalog={catalog}
          base={base}
          disabled={!ready}
          onMessage={setMessage}
          incident
        />
      </section>

      <ExerciseFinish ex={ex} draft={draft} config={CONFIG} empty={answers.chain.length === 0} context={exportContext}>
        <GradedReport exercise={ex} draft={draft} steps={INCIDENT_STEPS} page={props} hint={HINT} />
      </ExerciseFinish>
    </div>
  );
}
