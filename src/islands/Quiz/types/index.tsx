/**
 * The view of each question type, keyed by type. A new type is its view module plus one line
 * here; the mapped type makes a missing or mistyped entry a compile error.
 */
import type { QuestionType } from '../../../lib/quiz/questions';
import { Classify } from './Classify';
import { FreeText } from './FreeText';
import { MultipleChoice } from './MultipleChoice';
import { OrderItems } from './OrderItems';
import { SingleChoice } from './SingleChoice';
import type { BodyProps, QuestionOf, QuestionView } from './view';

/** Each question type's hint and body. */
export const QUESTION_VIEWS: { [T in QuestionType]: QuestionView<T> } = {
  single: SingleChoice,
  multiple: MultipleChoice,
  order: OrderItems,
  classify: Classify,
  text: FreeText,
};

/** The body of any question, by its type. */
export function QuestionBody<T extends QuestionType>(props: BodyProps<QuestionOf<T>>) {
  const { Body } = QUESTION_VIEWS[props.question.type];
  return <Body {...props} />;
}
