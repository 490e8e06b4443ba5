/**
 * The last two steps every exercise has: "Check" (what the check compares, the check and
 * start-over buttons, then the report) and "Save, share or continue elsewhere" (the transfer
 * panel). One place, so the three projects behave the same.
 */
import type { ComponentChildren } from 'preact';

interface CheckStepProps {
  /** "Check your analysis". */
  title: string;
  /** What the check compares, in a sentence or two. */
  intro: ComponentChildren;
  /** "Check my analysis". */
  checkLabel: string;
  checking: boolean;
  disabled: boolean;
  /** Nothing to clear yet: Start over is disabled. */
  empty: boolean;
  onCheck: () => void;
  onStartOver: () => void;
  /** The report, once checked. */
  children?: ComponentChildren;
}

export function CheckStep({
  title,
  intro,
  checkLabel,
  checking,
  disabled,
  empty,
  onCheck,
  onStartOver,
  children,
}: CheckStepProps) {
  return (
    <section aria-labelledby="step-check" class="exercise__step">
      <h3 id="step-check">{title}</h3>
      <p class="prose">{intro}</p>
      <div class="button-row">
        <button type="button" class="button" disabled={disabled || checking} onClick={onCheck}>
          {checking ? 'Checking…' : checkLabel}
        </button>
        <button type="button" class="button danger" disabled={disabled || empty} onClick={onStartOver}>
          Start over
        </button>
      </div>
      {children}
    </section>
  );
}

export function TransferStep({ children }: { children: ComponentChildren }) {
  return (
    <section aria-labelledby="step-transfer" class="exercise__step">
      <h3 id="step-transfer">Save, share or continue elsewhere</h3>
      {children}
    </section>
  );
}
