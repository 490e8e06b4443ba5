/** Single choice: one right option, picked with radio buttons. */
import { ChoiceList } from './ChoiceList';
import type { QuestionView } from './view';

export const SingleChoice: QuestionView<'single'> = {
  hint: 'Choose one.',
  Body: (props) => <ChoiceList {...props} right={new Set([props.question.answer])} onPick={(i) => props.respond(i)} />,
};
