/** What every exercise kind says about its steps: the page, the room timers and the feedback use it. */

/** One step of an exercise, as the page shows it. */
export interface ExerciseStep {
  /** Stable id; the page's section is `step-<id>`, and feedback items carry it. */
  readonly id: string;
  /** Short name for the step bar and a workshop room's time boxes ("Decompose"). */
  readonly label: string;
  /** Heading of the step's feedback in a graded report. */
  readonly feedback: string;
}
