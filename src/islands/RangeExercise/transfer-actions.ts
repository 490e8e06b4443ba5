/**
 * Export and import for the adversarial simulation, loaded only when the learner uses them (the
 * share code needs a compression library the editor does not).
 */
import { atlasMarkdown, navigatorLayer } from '../../lib/exercises/atlas/export';
import type { GradeReport } from '../../lib/grading/report';
import { encodeShareCode } from '../../lib/share/share-code';
import type { Result } from '../../lib/share/safe-json';
import type { ExerciseOfKind } from '../../lib/exercises/registry';
import { createSubmission, type Submission } from '../../lib/share/submission';
import { type AtlasAnswers } from '../../lib/exercises/atlas/answers';
import { readImportFor, saveExport, saveSubmission, senderFields, type Sender } from '../common/submission-files';
import type { AtlasExportContext } from './types';

type AtlasSubmission = Submission<ExerciseOfKind<'atlas-chain'>>;

export function submissionOf(
  exercise: ExerciseOfKind<'atlas-chain'>,
  answers: AtlasAnswers,
  who: Sender,
): AtlasSubmission {
  // Empty notes and detections are editor state, not part of the answer.
  const chain = answers.chain.map((e) => ({
    technique: e.technique,
    ...(e.tactic ? { tactic: e.tactic } : {}),
    ...(e.rationale?.trim() ? { rationale: e.rationale } : {}),
    ...(e.detection?.trim() ? { detection: e.detection } : {}),
  }));
  const defenses = answers.defenses.map((d) => ({
    mitigation: d.mitigation,
    counters: d.counters,
    ...(d.note?.trim() ? { note: d.note } : {}),
  }));
  return createSubmission(exercise, { ...answers, chain, defenses }, new Date(), senderFields(who));
}

export function download(
  kind: string,
  submission: AtlasSubmission,
  context: AtlasExportContext,
  report?: GradeReport,
): string {
  if (kind === 'navigator')
    return saveExport(
      submission,
      'navigator-layer.json',
      `${JSON.stringify(navigatorLayer(submission, context.catalog, context.title), null, 2)}\n`,
      'application/json',
    );
  if (kind === 'md')
    return saveExport(
      submission,
      context.incident ? 'incident-analysis.md' : 'after-action-report.md',
      atlasMarkdown(
        submission,
        context.catalog,
        { title: context.title, roeNames: context.roeNames, incident: context.incident === true },
        report,
      ),
      'text/markdown',
    );
  return saveSubmission(submission);
}

export function shareCodeOf(submission: AtlasSubmission): string {
  return encodeShareCode(submission);
}

/** Reads an imported file or pasted code; only submissions of this exercise are accepted. */
export function readImport(
  exercise: ExerciseOfKind<'atlas-chain'>,
  text: string,
  kind: 'file' | 'code',
): Result<AtlasAnswers> {
  return readImportFor(exercise, text, kind);
}
