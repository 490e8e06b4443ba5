/** The confirmations before an exercise's work is replaced: by an import, or by starting over. */
import type { ComponentChildren } from 'preact';
import { ConfirmDialog } from './ConfirmDialog';
import type { ExerciseState } from './use-exercise';

interface Props<A> {
  exercise: ExerciseState<A>;
  /** "analysis", "engagement". */
  work: string;
  /** What the import holds, and what loading it replaces. */
  importSummary: (answers: A, source: string) => ComponentChildren;
  /** What starting over clears. */
  resetSummary: ComponentChildren;
}

export function ReplaceDialogs<A>({ exercise, work, importSummary, resetSummary }: Props<A>) {
  const { pendingImport } = exercise;
  return (
    <>
      {pendingImport && (
        <ConfirmDialog
          title={`Replace your ${work}?`}
          confirmLabel={`Replace my ${work}`}
          danger
          onConfirm={exercise.applyImport}
          onCancel={exercise.cancelImport}
        >
          <p>{importSummary(pendingImport.answers, pendingImport.source)} You can undo right after.</p>
        </ConfirmDialog>
      )}
      {exercise.confirmingReset && (
        <ConfirmDialog
          title="Start over?"
          confirmLabel={`Clear my ${work}`}
          danger
          onConfirm={exercise.reset}
          onCancel={exercise.cancelReset}
        >
          <p>{resetSummary} You can undo right after, or download a copy first.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
