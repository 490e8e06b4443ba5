/**
 * Step 4: the mitigations the learner puts in place and, for each, the techniques of their chain
 * it counters. The check compares each pair with ATLAS's own links; the reference page of each
 * mitigation is a click away.
 */
import { useState } from 'preact/hooks';
import type { AtlasCatalog } from '../../lib/exercises/atlas/grade';
import type { AtlasAnswers } from '../../lib/exercises/atlas/answers';
import { withBase } from '../../lib/site/paths';
import type { AtlasDraft } from '../../stores/atlas-draft';
import type { Message } from '../common/MessageArea';

interface Props {
  draft: AtlasDraft;
  answers: AtlasAnswers;
  catalog: AtlasCatalog;
  base: string;
  disabled: boolean;
  onMessage: (message: Message) => void;
}

export function DefensesEditor({ draft, answers, catalog, base, disabled, onMessage }: Props) {
  const [choice, setChoice] = useState('');
  const chosen = new Set(answers.defenses.map((d) => d.mitigation));
  const techniqueName = (id: string) =>
    catalog.techniques.find((t) => t.id === id)?.name ?? catalog.retired?.find((r) => r.id === id)?.name ?? '';
  const mitigationName = (id: string) =>
    catalog.mitigations.find((m) => m.id === id)?.name ?? `not an ATLAS ${catalog.version ?? ''} mitigation`;

  const add = () => {
    if (!choice) return;
    draft.setDefense(choice, { counters: [] });
    onMessage({ tone: 'success', text: `${choice} ${mitigationName(choice)} added. Tick the techniques it counters.` });
    const index = answers.defenses.length;
    setChoice('');
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`#defense-${index} input[type="checkbox"]`)?.focus(),
    );
  };

  const remove = (mitigation: string) => {
    const removed = draft.removeDefense(mitigation);
    if (!removed) return;
    onMessage({
      tone: 'success',
      text: `${mitigation} removed.`,
      undo: () => draft.restoreDefense(removed.entry, removed.index),
    });
  };

  return (
    <div class="defenses-editor">
      <div class="field">
        <label for="mitigation-picker">ATLAS mitigation</label>
        <div class="field-row">
          <select
            id="mitigation-picker"
            value={choice}
            disabled={disabled}
            onChange={(e) => setChoice(e.currentTarget.value)}
          >
            <option value="">Choose a mitigation…</option>
            {catalog.mitigations
              .filter((m) => !chosen.has(m.id))
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id} {m.name}
                </option>
              ))}
          </select>
          <button type="button" class="button" disabled={disabled || choice === ''} onClick={add}>
            Add mitigation
          </button>
        </div>
      </div>
      {answers.chain.length === 0 && (
        <p class="meta">
          Your chain in step 1 is empty: add techniques there, then say here which ones each mitigation counters.
        </p>
      )}
      {answers.defenses.length === 0 ? (
        <p class="empty-state">
          No mitigations yet. Add the ones you would put in place, starting with those your runs showed to work.
        </p>
      ) : (
        <ul class="defense-list">
          {answers.defenses.map((d, i) => (
            <li key={d.mitigation} id={`defense-${i}`} class="defense">
              <fieldset>
                <legend>
                  {d.mitigation} {mitigationName(d.mitigation)} counters:
                </legend>
                {answers.chain.length === 0 && <p class="meta">No techniques to choose from yet.</p>}
                {answers.chain.map((e) => (
                  <label key={e.technique} class="choice">
                    <input
                      type="checkbox"
                      checked={d.counters.includes(e.technique)}
                      disabled={disabled}
                      onChange={(ev) =>
                        draft.setDefense(d.mitigation, {
                          counters: ev.currentTarget.checked
                            ? [...d.counters, e.technique]
                            : d.counters.filter((c) => c !== e.technique),
                        })
                      }
                    />{' '}
                    {e.technique} {techniqueName(e.technique)}
                  </label>
                ))}
                {d.counters
                  .filter((c) => !answers.chain.some((e) => e.technique === c))
                  .map((c) => (
                    <p key={c} class="meta">
                      Also {c} {techniqueName(c)} (not in your chain).{' '}
                      <button
                        type="button"
                        class="button secondary small"
                        disabled={disabled}
                        onClick={() => draft.setDefense(d.mitigation, { counters: d.counters.filter((x) => x !== c) })}
                      >
                        Drop {c}
                      </button>
                    </p>
                  ))}
                <div class="field">
                  <label for={`defense-${i}-note`}>How you would apply it here (optional)</label>
                  <input
                    id={`defense-${i}-note`}
                    type="text"
                    maxLength={4000}
                    value={d.note ?? ''}
                    disabled={disabled}
                    onInput={(ev) => draft.setDefense(d.mitigation, { note: ev.currentTarget.value })}
                  />
                </div>
                <p class="meta">
                  <a href={withBase(base, `/reference/atlas/mitigations/${d.mitigation}/`)}>
                    Reference: {d.mitigation}
                  </a>{' '}
                  <button
                    type="button"
                    class="button danger small"
                    disabled={disabled}
                    onClick={() => remove(d.mitigation)}
                    aria-label={`Remove ${d.mitigation}`}
                  >
                    Remove
                  </button>
                </p>
              </fieldset>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
