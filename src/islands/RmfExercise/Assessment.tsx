/**
 * One subcategory's assessment: its outcome and guiding question, a status, the dossier facts
 * cited as evidence (picked from a list that opens on demand) and a note.
 */
import { useState } from 'preact/hooks';
import { RMF_STATUS_LABELS, RMF_STATUSES, type RmfAssessment, type RmfStatus } from '../../lib/exercises/rmf/answers';
import type { RmfDraft } from '../../stores/rmf-draft';
import type { FactCard, ScopeItem } from './types';
import { AttachedNotes, VerdictChip, type AttachedFeedback } from '../common/Feedback';

interface Props {
  draft: RmfDraft;
  item: ScopeItem;
  assessment: RmfAssessment | undefined;
  facts: FactCard[];
  topics: Array<{ id: string; label: string }>;
  disabled: boolean;
  /** Learner-added subcategories can be removed. */
  onRemove?: (() => void) | undefined;
  /** What the last check said of this assessment; none before a check. */
  feedback?: AttachedFeedback | undefined;
  /** The learner works on this assessment (focus moved into it): the dossier cites for it. */
  onWork: (subcategory: string) => void;
}

const domId = (subcategory: string) => `assess-${subcategory.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

export function Assessment({ draft, item, assessment, facts, topics, disabled, onRemove, feedback, onWork }: Props) {
  const [open, setOpen] = useState(false);
  const id = domId(item.subcategory);
  const cited = assessment?.evidence ?? [];
  const titleOf = (fact: string) => facts.find((f) => f.id === fact)?.title ?? fact;
  const setStatus = (status: RmfStatus) => draft.updateAssessment(item.subcategory, { status });
  const toggleFact = (fact: string, on: boolean) =>
    draft.updateAssessment(item.subcategory, {
      evidence: on ? [...new Set([...cited, fact])] : cited.filter((f) => f !== fact),
    });
  // Evidence and notes belong to a status: they open once one is chosen.
  const noStatus = !assessment;

  return (
    <fieldset class="assessment" id={id} data-subcategory={item.subcategory} onFocusIn={() => onWork(item.subcategory)}>
      <legend>
        <span class="assessment__id">{item.subcategory}</span> {item.title}
        <VerdictChip feedback={feedback} />
      </legend>
      <AttachedNotes feedback={feedback} />
      {item.summary && <p class="meta">{item.summary}</p>}
      {item.question && (
        <p class="assessment__question">
          <strong>Ask:</strong> {item.question}
        </p>
      )}
      <div class="assessment__status" role="radiogroup" aria-label={`Status of ${item.subcategory}`}>
        {RMF_STATUSES.map((status) => (
          <label key={status} class="choice">
            <input
              type="radio"
              name={`${id}-status`}
              value={status}
              checked={assessment?.status === status}
              disabled={disabled}
              onChange={() => setStatus(status)}
            />
            {RMF_STATUS_LABELS[status]}
          </label>
        ))}
      </div>
      {noStatus && (
        <p class="meta">
          Choose a status, then cite the facts that show it: here, or with the Cite button on each card of the dossier.
        </p>
      )}
      <details
        class="assessment__evidence"
        open={open}
        onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>
          Evidence:{' '}
          {cited.length === 0 ? 'no facts cited yet' : `${cited.length} ${cited.length === 1 ? 'fact' : 'facts'} cited`}
        </summary>
        {open &&
          topics.map((topic) => {
            const inTopic = facts.filter((f) => f.topic === topic.id);
            if (inTopic.length === 0) return null;
            return (
              <fieldset key={topic.id} class="fact-group">
                <legend>{topic.label}</legend>
                {inTopic.map((fact) => (
                  <label key={fact.id} class="choice">
                    <input
                      type="checkbox"
                      checked={cited.includes(fact.id)}
                      disabled={disabled || noStatus}
                      onChange={(e) => toggleFact(fact.id, e.currentTarget.checked)}
                    />
                    {fact.title}{' '}
                    <a href={`#fact-${fact.id}`} class="meta">
                      (read)
                    </a>
                  </label>
                ))}
              </fieldset>
            );
          })}
      </details>
      {cited.length > 0 && !open && (
        <ul class="cited">
          {cited.map((fact) => (
            <li key={fact}>{titleOf(fact)}</li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for={`${id}-note`}>Note (what you found, what is missing)</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={4000}
          value={assessment?.note ?? ''}
          disabled={disabled || noStatus}
          onInput={(e) => draft.updateAssessment(item.subcategory, { note: e.currentTarget.value })}
        />
      </div>
      {onRemove && (
        <button type="button" class="button secondary small" disabled={disabled} onClick={onRemove}>
          Remove {item.subcategory}
        </button>
      )}
    </fieldset>
  );
}
