/**
 * Save and share, for any exercise: download the work in the formats it offers, copy a share
 * code, or import a file or a code. The exercise supplies the actions (loaded lazily, so the
 * compression library and the exporters stay out of the first load).
 */
import { useStore } from '@nanostores/preact';
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ExerciseId } from '../../lib/exercises/registry';
import type { GradeReport } from '../../lib/grading/report';
import { formatBytes, MAX_FILE_BYTES, MAX_UNTRUSTED_BYTES, type Result } from '../../lib/share/safe-json';
import { readFileText } from './read-file';
import { $room } from '../../stores/room';
import type { Sender } from './submission-files';

export interface TransferFormat {
  kind: string;
  label: string;
}

/**
 * What an exercise's lazily loaded transfer-actions module offers. One module serves every
 * exercise of its kind (a project and its labs), so each call names the exercise.
 */
export interface TransferActions<A, S, C> {
  submissionOf(exercise: ExerciseId, answers: A, who: Sender): S;
  download(kind: string, submission: S, context: C, report?: GradeReport): string;
  shareCodeOf(submission: S): string;
  readImport(exercise: ExerciseId, text: string, kind: 'file' | 'code'): Result<A>;
}

/** The export, share and import handlers of <Transfer>, from an exercise's actions module. */
export function transferHandlers<A, S, C>(
  load: () => Promise<TransferActions<A, S, C>>,
  exercise: ExerciseId,
  answers: A,
  context: C,
  report: GradeReport | undefined,
) {
  return {
    onExport: async (kind: string, who: Sender) => {
      const actions = await load();
      return actions.download(kind, actions.submissionOf(exercise, answers, who), context, report);
    },
    onShareCode: async (who: Sender) => {
      const actions = await load();
      return actions.shareCodeOf(actions.submissionOf(exercise, answers, who));
    },
    onReadImport: async (text: string, kind: 'file' | 'code') => (await load()).readImport(exercise, text, kind),
  };
}

interface Props<A> {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  /** Download buttons, the first one primary. */
  formats: TransferFormat[];
  disabled: boolean;
  /** Downloads one format with the sender's name, team and room on it; returns the file name. */
  onExport: (kind: string, who: Sender) => Promise<string>;
  /** Makes a share code of the current work. */
  onShareCode: (who: Sender) => Promise<string>;
  /** Reads an imported file or pasted code; only this exercise's submissions are accepted. */
  onReadImport: (text: string, kind: 'file' | 'code') => Promise<Result<A>>;
  /** Asks before replacing the work with imported answers. */
  onImport: (answers: A, source: string) => void;
  onMessage: (tone: 'success' | 'error', text: string) => void;
}

export function Transfer<A>({
  idPrefix,
  formats,
  disabled,
  onExport,
  onShareCode,
  onReadImport,
  onImport,
  onMessage,
}: Props<A>) {
  const room = useStore($room);
  const [who, setWho] = useState<Sender>({ learner: '', team: '', room: '' });
  const [code, setCode] = useState('');
  const [pasted, setPasted] = useState('');
  const [qr, setQr] = useState<ComponentType<{ text: string }> | null>(null);

  // A room link fills in the room code; the learner can still change it.
  useEffect(() => {
    if (room && who.room === '') setWho((w) => ({ ...w, room: room.code }));
  }, [room]);

  const exportAs = async (kind: string) => onMessage('success', `Downloaded ${await onExport(kind, who)}.`);

  const showQr = async () => {
    const next = await onShareCode(who);
    setCode(next);
    const { QrCode } = await import('./QrCode');
    setQr(() => QrCode);
  };

  const copyCode = async () => {
    const next = await onShareCode(who);
    setCode(next);
    if (next.length > MAX_UNTRUSTED_BYTES) {
      onMessage(
        'error',
        `Your work is too large for a share code (${formatBytes(next.length)}; codes are read up to ${formatBytes(MAX_UNTRUSTED_BYTES)}). Download the JSON file and send that instead.`,
      );
      return;
    }
    try {
      await navigator.clipboard.writeText(next);
      onMessage(
        'success',
        `Share code copied (${next.length} characters). Paste it anywhere; it carries all your work.`,
      );
    } catch {
      onMessage('success', 'Your browser did not allow copying: select the code in the box and copy it yourself.');
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      onMessage(
        'error',
        `Import failed: ${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}. Nothing was changed.`,
      );
      return;
    }
    const result = await onReadImport(await readFileText(file), 'file');
    if (result.ok) onImport(result.value, file.name);
    else onMessage('error', `Import failed: ${result.error} Nothing was changed.`);
  };

  const importCode = async () => {
    const result = await onReadImport(pasted, 'code');
    if (result.ok) {
      onImport(result.value, 'the share code');
      setPasted('');
    } else onMessage('error', `That code did not load: ${result.error} Nothing was changed.`);
  };

  return (
    <div class="transfer">
      <fieldset class="transfer__who">
        <legend>Who is sending (optional; goes on exports and codes for your instructor)</legend>
        <div class="field-row">
          <div class="field">
            <label for={`${idPrefix}-learner`}>Your name</label>
            <input
              id={`${idPrefix}-learner`}
              type="text"
              maxLength={120}
              value={who.learner}
              onInput={(e) => setWho({ ...who, learner: e.currentTarget.value })}
              autocomplete="name"
            />
          </div>
          <div class="field">
            <label for={`${idPrefix}-team`}>Team</label>
            <input
              id={`${idPrefix}-team`}
              type="text"
              maxLength={120}
              value={who.team}
              onInput={(e) => setWho({ ...who, team: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`${idPrefix}-room`}>Room code</label>
            <input
              id={`${idPrefix}-room`}
              type="text"
              maxLength={40}
              value={who.room}
              onInput={(e) => setWho({ ...who, room: e.currentTarget.value })}
            />
          </div>
        </div>
      </fieldset>
      <div class="button-row">
        {formats.map((format, i) => (
          <button
            key={format.kind}
            type="button"
            class={`button${i === 0 ? '' : ' secondary'}`}
            disabled={disabled}
            onClick={() => void exportAs(format.kind)}
          >
            {format.label}
          </button>
        ))}
        <button type="button" class="button secondary" disabled={disabled} onClick={() => void copyCode()}>
          Copy share code
        </button>
        <button type="button" class="button secondary" disabled={disabled} onClick={() => void showQr()}>
          Send to instructor: show a QR code
        </button>
      </div>
      {code && (
        <div class="field">
          <label for={`${idPrefix}-code-out`}>Share code</label>
          <textarea
            id={`${idPrefix}-code-out`}
            rows={3}
            readOnly
            value={code}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      {code && qr && h(qr, { text: code })}
      <div class="button-row">
        <label class="button secondary file-button">
          Import a JSON file…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            disabled={disabled}
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      <div class="field">
        <label for={`${idPrefix}-code-in`}>Or paste a share code</label>
        <textarea
          id={`${idPrefix}-code-in`}
          rows={2}
          value={pasted}
          maxLength={MAX_UNTRUSTED_BYTES}
          onInput={(e) => setPasted(e.currentTarget.value)}
        />
      </div>
      <button
        type="button"
        class="button secondary"
        disabled={disabled || pasted.trim() === ''}
        onClick={() => void importCode()}
      >
        Load the code
      </button>
    </div>
  );
}
