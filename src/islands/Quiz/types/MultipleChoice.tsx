/** Multiple choice: several right options, ticked with checkboxes. */
import { toggleOption } from '../../../lib/quiz/responses';
import { ChoiceList } from './ChoiceList';
import type { QuestionView } from './view';

export const MultipleChoice: QuestionView<'multiple'> = {
  hint: 'Choose all that apply.',
  Body: (props) => (
    <ChoiceList
      {...props}
      right={new Set(props.question.answer)}
      onPick={(i, on, picked) => props.respond(toggleOption(picked, i, on))}
    />
  ),
};
