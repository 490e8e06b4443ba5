/**
 * Step 1: pick ATLAS techniques from the matrix (grouped by tactic, filterable by ID or name) and
 * order them as a kill chain, with a rationale and what defenders would see for each step.
 * Reordering uses buttons, so it works from the keyboard and with a screen reader.
 */
import { useMemo, useState } from 'preact/hooks';
import type { AtlasCatalog } from '../../lib/exercises/atlas/grade';
import { techniqueFullName } from '../../lib/catalog/ids';
import type { ChainEntry } from '../../lib/exercises/atlas/answers';
import type { AtlasDraft } from '../../stores/atlas-draft';
import type { Message } from '../common/MessageArea';
import { withBase } from '../../lib/site/paths';

interface Props {
  draft: AtlasDraft;
  chain: ChainEntry[];
  catalog: AtlasCatalog;
  base: string;
  disabled: boolean;
  onMessage: (message: Message) => void;
  /** An incident lab: each step's note is the write-up's evidence for it. */
  incident?: boolean;
}

export function ChainEditor({ draft, chain, catalog, base, disabled, onMessage, incident = false }: Props) {
  const [filter, setFilter] = useState('');
  const [choice, setChoice] = useState('');
  const name = (id: string) =>
    catalog.techniques.find((t) => t.id === id)?.name ??
    catalog.retired?.find((r) => r.id === id)?.name ??
    `not an ATLAS ${catalog.version ?? ''} technique`;
  const fullName = (id: string) => techniqueFullName(id, catalog.techniques);
  /** A removed ID saved before a release: graded as its successor, which one click writes in. */
  const update = (from: string, to: string) => {
    const before = draft.replaceTechnique(from, to);
    onMessage({
      tone: 'success',
      text: `${from} now reads ${to} ${fullName(to)}.`,
      undo: () => draft.restoreAnswers(before),
    });
  };
  const tacticName = (id: string) => catalog.tactics.find((t) => t.id === id)?.name ?? id;

  const groups = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return catalog.tactics
      .map((tactic) => ({
        tactic,
        techniques: catalog.techniques.filter(
          (t) =>
            t.tactics.includes(tactic.id) &&
            (needle === '' || t.id.toLowerCase().includes(needle) || t.name.toLowerCase().includes(needle)),
        ),
      }))
      .filter((g) => g.techniques.length > 0);
  }, [catalog, filter]);
  const matches = groups.reduce((n, g) => n + g.techniques.length, 0);

  const add = () => {
    const [technique = '', tactic] = choice.split('|');
    if (!technique) {
      onMessage({ tone: 'error', text: 'Choose a technique from the list first.' });
      return;
    }
    if (!draft.addChainEntry({ technique, ...(tactic ? { tactic } : {}), rationale: '', detection: '' })) {
      onMessage({
        tone: 'error',
        text: `${technique} is already in your chain. List a technique once, where it first happens.`,
      });
      return;
    }
    onMessage({ tone: 'success', text: `${technique} ${name(technique)} added as step ${chain.length + 1}.` });
    setChoice('');
    requestAnimationFrame(() => document.getElementById(`chain-${chain.length}-rationale`)?.focus());
  };

  const move = (index: number, to: number) => {
    const entry = chain[index];
    if (!entry || !draft.moveChainEntry(index, to)) return;
    onMessage({ tone: 'success', text: `${entry.technique} moved to step ${to + 1}.` });
    requestAnimationFrame(() => document.getElementById(`chain-${to}-${to < index ? 'up' : 'down'}`)?.focus());
  };

  const remove = (index: number) => {
    const removed = draft.removeChainEntry(index);
    if (!removed) return;
    onMessage({
      tone: 'success',
      text: `${removed.technique} removed from the chain.`,
      undo: () => draft.insertChainEntry(removed, index),
    });
  };

  return (
    <div class="chain-editor">
      <div class="chain-picker">
        <div class="field">
          <label for="technique-filter">Filter techniques by ID or name</label>
          <input
            id="technique-filter"
            type="search"
            value={filter}
            maxLength={60}
            disabled={disabled}
            onInput={(e) => setFilter(e.currentTarget.value)}
            aria-describedby="technique-filter-count"
          />
          <p id="technique-filter-count" class="meta" aria-live="polite">
            {matches === 0
              ? 'No technique matches.'
              : `${matches} placements match (a technique under two tactics is listed twice).`}
          </p>
        </div>
        <div class="field">
          <label for="technique-picker">Technique, grouped by tactic</label>
          <div class="field-row">
            <select
              id="technique-picker"
              value={choice}
              disabled={disabled || matches === 0}
              onChange={(e) => setChoice(e.currentTarget.value)}
            >
              <option value="">Choose a technique…</option>
              {groups.map((g) => (
                <optgroup key={g.tactic.id} label={`${g.tactic.id} ${g.tactic.name}`}>
                  {g.techniques.map((t) => (
                    <option key={`${t.id}|${g.tactic.id}`} value={`${t.id}|${g.tactic.id}`}>
                      {t.id} {t.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <button type="button" class="button" disabled={disabled || choice === ''} onClick={add}>
              Add to chain
            </button>
          </div>
        </div>
      </div>

      {chain.length === 0 ? (
        <p class="empty-state">
          {incident
            ? 'Your chain is empty. Add the first thing the attacker did that the write-up shows, then what each step made possible.'
            : 'Your chain is empty. Add the first thing the ring would do, then what each step makes possible.'}
        </p>
      ) : (
        <ol class="chain-list">
          {chain.map((entry, i) => {
            const technique = catalog.techniques.find((t) => t.id === entry.technique);
            const tactics = technique?.tactics ?? [];
            const gone = technique ? undefined : catalog.retired?.find((r) => r.id === entry.technique);
            const next = gone?.replacedBy.length === 1 ? gone.replacedBy[0] : undefined;
            return (
              <li key={entry.technique} class="chain-step">
                <h4 id={`chain-${i}-title`}>
                  Step {i + 1}: {entry.technique} {name(entry.technique)}
                </h4>
                {gone && (
                  <div class="retired-note" role="note">
                    <p>
                      {entry.technique} was removed in ATLAS {gone.removedIn}.{' '}
                      {next
                        ? `Checking reads it as ${next} ${fullName(next)}; update the step to cite it.`
                        : 'Nothing replaced it: remove the step or choose another technique.'}
                    </p>
                    {next && (
                      <button
                        type="button"
                        class="button small"
                        disabled={disabled}
                        onClick={() => update(entry.technique, next)}
                      >
                        Cite {next} instead
                      </button>
                    )}
                  </div>
                )}
                <p class="meta">
                  {tactics.length > 1 ? (
                    <label>
                      Tactic here{' '}
                      <select
                        value={entry.tactic ?? tactics[0]}
                        disabled={disabled}
                        onChange={(e) => draft.updateChainEntry(i, { tactic: e.currentTarget.value })}
                      >
                        {tactics.map((t) => (
                          <option key={t} value={t}>
                            {t} {tacticName(t)}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : (
                    <>Tactic: {tactics.map((t) => `${t} ${tacticName(t)}`).join(', ')}</>
                  )}{' '}
                  · <a href={withBase(base, `/reference/atlas/techniques/${entry.technique}/`)}>Reference</a>
                </p>
                <div class="field">
                  <label for={`chain-${i}-rationale`}>
                    {incident ? 'What in the write-up shows it' : 'Why this step, in this system'}
                  </label>
                  <textarea
                    id={`chain-${i}-rationale`}
                    rows={2}
                    maxLength={4000}
                    value={entry.rationale ?? ''}
                    disabled={disabled}
                    onInput={(e) => draft.updateChainEntry(i, { rationale: e.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for={`chain-${i}-detection`}>
                    {incident ? 'What would have caught it earlier (optional)' : 'What defenders could see (optional)'}
                  </label>
                  <input
                    id={`chain-${i}-detection`}
                    type="text"
                    maxLength={4000}
                    value={entry.detection ?? ''}
                    disabled={disabled}
                    onInput={(e) => draft.updateChainEntry(i, { detection: e.currentTarget.value })}
                  />
                </div>
                <div class="button-row">
                  <button
                    type="button"
                    id={`chain-${i}-up`}
                    class="button secondary small"
                    disabled={disabled || i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={`Move ${entry.technique} up`}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    id={`chain-${i}-down`}
                    class="button secondary small"
                    disabled={disabled || i === chain.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={`Move ${entry.technique} down`}
                  >
                    Move down
                  </button>
                  <button
                    type="button"
                    class="button danger small"
                    disabled={disabled}
                    onClick={() => remove(i)}
                    aria-label={`Remove ${entry.technique}`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
