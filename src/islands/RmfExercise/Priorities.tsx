/**
 * Step 3: the top three gaps, most important first, each with a mitigation, an owner and a due
 * date. Gaps are picked from the subcategories assessed as partial or missing; order changes with
 * move buttons (keyboard-friendly, no dragging).
 */
import type { RmfAnswers, RmfPriority } from '../../lib/exercises/rmf/answers';
import { RMF_STATUS_LABELS } from '../../lib/exercises/rmf/answers';
import { emptyPriority, type RmfDraft } from '../../stores/rmf-draft';

interface Props {
  draft: RmfDraft;
  answers: RmfAnswers;
  titles: Readonly<Record<string, string>>;
  disabled: boolean;
  onRemove: (index: number) => void;
}

const RANKS = ['First', 'Second', 'Third'];

export function Priorities({ draft, answers, titles, disabled, onRemove }: Props) {
  const gaps = answers.assessments.filter((a) => a.status === 'partial' || a.status === 'missing');
  const chosen = new Set(answers.priorities.map((p) => p.subcategory));
  const candidates = (current: string) => gaps.filter((a) => a.subcategory === current || !chosen.has(a.subcategory));
  const field = (index: number, name: keyof RmfPriority) => `priority-${index}-${name}`;

  return (
    <div class="priorities">
      {gaps.length === 0 && (
        <p class="callout">
          Assess some subcategories as Partial or Missing in step 2; your gaps will be offered here.
        </p>
      )}
      <ol class="priority-list">
        {answers.priorities.map((p, i) => (
          <li key={i}>
            <fieldset class="priority">
              <legend>
                {RANKS[i]} priority{p.subcategory ? `: ${p.subcategory}` : ''}
              </legend>
              <div class="field">
                <label for={field(i, 'subcategory')}>Gap (subcategory)</label>
                <select
                  id={field(i, 'subcategory')}
                  value={p.subcategory}
                  disabled={disabled}
                  onChange={(e) => draft.updatePriority(i, { subcategory: e.currentTarget.value })}
                >
                  <option value="">Choose a gap…</option>
                  {candidates(p.subcategory).map((a) => (
                    <option key={a.subcategory} value={a.subcategory}>
                      {a.subcategory} {titles[a.subcategory] ?? ''} ({RMF_STATUS_LABELS[a.status]})
                    </option>
                  ))}
                  {p.subcategory && !gaps.some((a) => a.subcategory === p.subcategory) && (
                    <option value={p.subcategory}>{p.subcategory} (not assessed as a gap)</option>
                  )}
                </select>
              </div>
              <div class="field">
                <label for={field(i, 'gap')}>What is missing, and what it could cost</label>
                <textarea
                  id={field(i, 'gap')}
                  rows={2}
                  maxLength={4000}
                  value={p.gap}
                  disabled={disabled}
                  onInput={(e) => draft.updatePriority(i, { gap: e.currentTarget.value })}
                />
              </div>
              <div class="field">
                <label for={field(i, 'mitigation')}>Mitigation</label>
                <textarea
                  id={field(i, 'mitigation')}
                  rows={2}
                  maxLength={4000}
                  value={p.mitigation}
                  disabled={disabled}
                  onInput={(e) => draft.updatePriority(i, { mitigation: e.currentTarget.value })}
                />
              </div>
              <div class="field-row">
                <div class="field">
                  <label for={field(i, 'owner')}>Owner (a role)</label>
                  <input
                    id={field(i, 'owner')}
                    type="text"
                    maxLength={120}
                    value={p.owner ?? ''}
                    disabled={disabled}
                    onInput={(e) => draft.updatePriority(i, { owner: e.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for={field(i, 'due')}>Due date</label>
                  <input
                    id={field(i, 'due')}
                    type="date"
                    value={p.due ?? ''}
                    disabled={disabled}
                    onInput={(e) => draft.updatePriority(i, { due: e.currentTarget.value })}
                  />
                </div>
              </div>
              <div class="button-row">
                <button
                  type="button"
                  class="button secondary small"
                  disabled={disabled || i === 0}
                  onClick={() => draft.movePriority(i, i - 1)}
                >
                  Move up
                </button>
                <button
                  type="button"
                  class="button secondary small"
                  disabled={disabled || i === answers.priorities.length - 1}
                  onClick={() => draft.movePriority(i, i + 1)}
                >
                  Move down
                </button>
                <button type="button" class="button secondary small" disabled={disabled} onClick={() => onRemove(i)}>
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {answers.priorities.length < 3 && (
        <button type="button" class="button" disabled={disabled} onClick={() => draft.addPriority(emptyPriority())}>
          Add a priority ({answers.priorities.length} of 3)
        </button>
      )}
    </div>
  );
}
