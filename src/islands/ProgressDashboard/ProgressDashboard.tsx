/**
 * The Progress page: every tracked item with its status, score, attempts and last visit; export
 * and import of all saved work; reset per item, per section or all, each confirmed and undoable.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { describeProgress, STATUS_LABELS, type ItemProgress } from '../../lib/progress/record';
import { sectionOf } from '../../lib/progress/sections';
import { formatBytes, MAX_FILE_BYTES } from '../../lib/share/safe-json';
import { readFileText } from '../common/read-file';
import type { ProgressImport } from '../../lib/share/progress-file';
import { withBase } from '../../lib/site/paths';
import { $progress } from '../../stores/progress';
import { resetAll, resetItems, resetSection } from '../../stores/progress-reset';
import { $keptAside, deleteQuarantine, restoreSnapshot, type Snapshot } from '../../stores/storage-bulk';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { MessageArea, type Message } from '../common/MessageArea';
import { downloadText } from '../common/download';

/** An item the site tracks, as the page lists it. */
export interface DashboardItem {
  id: string;
  title: string;
  path: string;
  group: string;
}

export interface DashboardSection {
  key: string;
  label: string;
  items: DashboardItem[];
}

interface Props {
  sections: DashboardSection[];
  base: string;
}

type Pending =
  | { kind: 'reset-all' }
  | { kind: 'reset-section'; section: DashboardSection }
  | { kind: 'reset-item'; item: DashboardItem }
  | { kind: 'import'; file: ProgressImport; name: string };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(iso)) : '—';
}

function ItemRow({
  item,
  record,
  base,
  onReset,
}: {
  item: DashboardItem;
  record: ItemProgress | undefined;
  base: string;
  onReset: () => void;
}) {
  return (
    <tr>
      <th scope="row">
        <a href={withBase(base, item.path)}>{item.title}</a>
        <span class="meta"> · {item.group}</span>
      </th>
      <td>
        <span class={`badge ${record?.status ?? 'not-started'}`}>{STATUS_LABELS[record?.status ?? 'not-started']}</span>
      </td>
      <td>{record?.bestScore == null ? '—' : `${Math.round(record.bestScore * 100)}%`}</td>
      <td>{record?.attempts ?? 0}</td>
      <td>{formatDate(record?.lastVisited ?? null)}</td>
      <td>
        <button
          type="button"
          class="button secondary small"
          onClick={onReset}
          disabled={!record}
          aria-label={`Reset “${item.title}”`}
        >
          Reset
        </button>
      </td>
    </tr>
  );
}

export default function ProgressDashboard({ sections, base }: Props) {
  const progress = useStore($progress, { ssr: 'initial' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const kept = useStore($keptAside, { ssr: 'initial' });
  // Controls stay disabled until the island runs, so an early click is never lost.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const known = new Set(sections.flatMap((s) => s.items.map((i) => i.id)));
  const others = Object.keys(progress).filter((id) => !known.has(id));
  const savedCount = Object.keys(progress).length;

  const offerUndo = (text: string, before: Snapshot) => {
    setMessage({
      tone: 'success',
      text,
      undo: () => {
        const ok = restoreSnapshot(before);
        setMessage(
          ok
            ? { tone: 'success', text: 'Undone: your progress is back as it was.' }
            : { tone: 'error', text: 'Could not undo: your browser refused to save.' },
        );
      },
    });
  };

  // Export and import code (with every saved-data validator) loads when first used.
  const backup = () => import('../../stores/backup');

  const confirm = async () => {
    if (!pending) return;
    setPending(null);
    switch (pending.kind) {
      case 'reset-all':
        offerUndo('All progress was reset.', resetAll());
        break;
      case 'reset-section':
        offerUndo(`${pending.section.label} progress was reset.`, resetSection(pending.section.key));
        break;
      case 'reset-item':
        offerUndo(`“${pending.item.title}” was reset.`, resetItems([pending.item.id]));
        break;
      case 'import': {
        const result = (await backup()).applyImport(pending.file);
        if (result.ok)
          offerUndo(`Imported ${pending.file.entries.length} saved entries from ${pending.name}.`, result.value);
        else setMessage({ tone: 'error', text: result.error });
        break;
      }
    }
  };

  const onExport = async () => {
    const { fileName, text } = (await backup()).exportLearnerData();
    downloadText(fileName, text);
    setMessage({ tone: 'success', text: `Downloaded ${fileName}.` });
  };

  const onImportFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setMessage({
        tone: 'error',
        text: `Import failed: ${file.name} is ${formatBytes(file.size)}; progress files are at most ${formatBytes(MAX_FILE_BYTES)}. Nothing was changed.`,
      });
      return;
    }
    const checked = (await backup()).checkImport(await readFileText(file));
    if (!checked.ok) {
      setMessage({ tone: 'error', text: `Import failed: ${checked.error} Nothing was changed.` });
      return;
    }
    setMessage(null);
    setPending({ kind: 'import', file: checked.value, name: file.name });
  };

  return (
    <div class="progress-dashboard">
      <div class="button-row">
        <button type="button" class="button" onClick={() => void onExport()} disabled={!ready}>
          Export progress
        </button>
        <label class="button secondary file-button">
          Import progress…
          <input
            type="file"
            accept="application/json,.json"
            disabled={!ready}
            class="visually-hidden"
            onChange={(event) => void onImportFile(event.currentTarget)}
          />
        </label>
      </div>

      <MessageArea message={message} />

      {savedCount === 0 && (
        <p class="callout">
          Nothing saved yet. Open a lesson and your progress appears here; it stays in this browser until you export it.
        </p>
      )}

      {sections.map((section) => {
        const done = section.items.filter((item) => progress[item.id]?.status === 'done').length;
        return (
          <section key={section.key} aria-labelledby={`section-${section.key}`}>
            <div class="section-head">
              <h2 id={`section-${section.key}`}>{section.label}</h2>
              <p class="meta" id={`section-${section.key}-count`}>
                {done} of {section.items.length} done
              </p>
              <progress
                class="section-bar"
                max={section.items.length}
                value={done}
                aria-labelledby={`section-${section.key} section-${section.key}-count`}
              />
            </div>
            {section.key === 'lessons' && (
              <ul class="level-bars">
                {[...new Set(section.items.map((item) => item.group))].map((group, i) => {
                  const items = section.items.filter((item) => item.group === group);
                  const levelDone = items.filter((item) => progress[item.id]?.status === 'done').length;
                  const id = `level-${section.key}-${i}`;
                  return (
                    <li key={group}>
                      <span id={id}>
                        {group}: {levelDone} of {items.length} done
                      </span>
                      <progress class="section-bar" max={items.length} value={levelDone} aria-labelledby={id} />
                    </li>
                  );
                })}
              </ul>
            )}
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">{section.label}: status of each item</caption>
                <thead>
                  <tr>
                    <th scope="col">Item</th>
                    <th scope="col">Status</th>
                    <th scope="col">Best score</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last visited</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {section.items.map((item) => (
                    <ItemRow
                      key={item.id}
                      item={item}
                      record={progress[item.id]}
                      base={base}
                      onReset={() => setPending({ kind: 'reset-item', item })}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}

      {others.length > 0 && (
        <section aria-labelledby="section-other">
          <h2 id="section-other">Other saved items</h2>
          <p class="meta">
            Progress for items this version of the site no longer lists. It is kept and exported with the rest.
          </p>
          <ul>
            {others.map((id) => {
              const record = progress[id];
              return (
                <li key={id}>
                  <code>{id}</code> ({record ? describeProgress(record) : ''}, section {sectionOf(id)})
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {kept.length > 0 && (
        <section aria-labelledby="section-kept">
          <h2 id="section-kept">Damaged data kept aside</h2>
          <p>
            {kept.length} saved {kept.length === 1 ? 'value was' : 'values were'} unreadable and replaced. Copies are
            kept in your browser's storage in case you want to inspect them (keys starting with{' '}
            <code>aitm:quarantine:</code>).
          </p>
          <button type="button" class="button secondary small" onClick={deleteQuarantine}>
            Delete the kept copies
          </button>
        </section>
      )}

      <section class="danger-zone" aria-labelledby="danger-zone">
        <h2 id="danger-zone">Start over</h2>
        <p class="meta">
          Resets clear status, scores and saved answers. Each asks first and can be undone right after; export first to
          keep a copy.
        </p>
        <div class="button-row">
          {sections.map((section) => (
            <button
              key={section.key}
              type="button"
              class="button secondary small"
              disabled={!section.items.some((item) => progress[item.id])}
              onClick={() => setPending({ kind: 'reset-section', section })}
            >
              Reset {section.label.toLowerCase()}
            </button>
          ))}
          <button
            type="button"
            class="button danger small"
            onClick={() => setPending({ kind: 'reset-all' })}
            disabled={!ready || savedCount === 0}
          >
            Reset all progress
          </button>
        </div>
      </section>

      {pending && (
        <ConfirmDialog
          title={
            pending.kind === 'import'
              ? 'Replace your progress with this file?'
              : pending.kind === 'reset-all'
                ? 'Reset all progress?'
                : pending.kind === 'reset-section'
                  ? `Reset ${pending.section.label.toLowerCase()}?`
                  : `Reset “${pending.item.title}”?`
          }
          confirmLabel={pending.kind === 'import' ? 'Replace my progress' : 'Reset'}
          danger
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        >
          {pending.kind === 'import' ? (
            <p>
              {pending.name} holds {pending.file.entries.length} saved{' '}
              {pending.file.entries.length === 1 ? 'entry' : 'entries'}, exported {formatDate(pending.file.exportedAt)}.
              Importing replaces what this browser has saved ({savedCount} {savedCount === 1 ? 'item' : 'items'} with
              progress). Your theme, workshop room and dashboard change only if the file has them. You can undo right
              after.
            </p>
          ) : (
            <p>
              This clears status, scores, attempts and saved answers
              {pending.kind === 'reset-all'
                ? ' for everything (your theme choice, a workshop room you joined and a workshop dashboard’s results stay)'
                : ''}
              . You can undo right after, or export first to keep a copy.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
