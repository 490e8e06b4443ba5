/**
 * What every question type's view gets and gives: the props of its body (the inputs inside the
 * check's fieldset) and the hint shown above them. Check.tsx picks the view by question type.
 */
import type { FunctionComponent } from 'preact';
import type { Mark, Question, QuestionType, Response, Verdict } from '../../../lib/quiz/questions';

/** The question of type `T`. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** Props of a question type's body. */
export interface BodyProps<Q extends Question> {
  question: Q;
  /** The learner's current response (one that fits the question). */
  response: Response;
  /** Inputs take no changes: not hydrated yet, solved, or being checked. */
  locked: boolean;
  /** The response has a verdict: solved, or checked since it last changed. */
  judged: boolean;
  /** Solved: show the right answer beside the learner's. */
  showAll: boolean;
  verdict: Verdict | null;
  /** The verdict's marks (none before a check). */
  marks: readonly Mark[];
  respond: (next: Response) => void;
}

/** A question type's view: its hint and its body. */
export interface QuestionView<T extends QuestionType> {
  hint: string;
  Body: FunctionComponent<BodyProps<QuestionOf<T>>>;
}
