/** Save and share: download the analysis in several formats, copy a share code, or import one. */
import { useState } from 'preact/hooks';
import type { StrideExportContext } from '../../lib/export/stride';
import type { GradeReport } from '../../lib/grading/report';
import { formatBytes, MAX_UNTRUSTED_BYTES } from '../../lib/share/safe-json';
import type { StrideAnswers } from '../../lib/share/submission';

interface Props {
  answers: StrideAnswers;
  context: StrideExportContext;
  report: GradeReport | undefined;
  disabled: boolean;
  /** Asks before replacing the analysis with imported answers. */
  onImport: (answers: StrideAnswers, source: string) => void;
  onMessage: (tone: 'success' | 'error', text: string) => void;
}

const load = () => import('./transfer-actions');

export function Transfer({ answers, context, report, disabled, onImport, onMessage }: Props) {
  const [learner, setLearner] = useState('');
  const [code, setCode] = useState('');
  const [pasted, setPasted] = useState('');

  const exportAs = async (kind: 'json' | 'csv' | 'md' | 'threat-dragon') => {
    const actions = await load();
    const name = actions.download(kind, actions.submissionOf(answers, learner), context, report);
    onMessage('success', `Downloaded ${name}.`);
  };

  const copyCode = async () => {
    const actions = await load();
    const next = actions.shareCodeOf(actions.submissionOf(answers, learner));
    setCode(next);
    try {
      await navigator.clipboard.writeText(next);
      onMessage('success', `Share code copied (${next.length} characters). Paste it anywhere; it carries your whole analysis.`);
    } catch {
      onMessage('success', 'Your browser did not allow copying: select the code in the box and copy it yourself.');
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_UNTRUSTED_BYTES) {
      onMessage('error', `Import failed: ${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(MAX_UNTRUSTED_BYTES)}. Nothing was changed.`);
      return;
    }
    const result = (await load()).readImport(await file.text(), 'file');
    if (result.ok) onImport(result.value, file.name);
    else onMessage('error', `Import failed: ${result.error} Nothing was changed.`);
  };

  const importCode = async () => {
    const result = (await load()).readImport(pasted, 'code');
    if (result.ok) {
      onImport(result.value, 'the share code');
      setPasted('');
    } else onMessage('error', `That code did not load: ${result.error} Nothing was changed.`);
  };

  return (
    <div class="transfer">
      <div class="field">
        <label for="stride-learner">Your name on exports (optional)</label>
        <input id="stride-learner" type="text" maxLength={120} value={learner} onInput={(e) => setLearner(e.currentTarget.value)} autocomplete="name" />
      </div>
      <div class="button-row">
        <button type="button" class="button" disabled={disabled} onClick={() => void exportAs('json')}>
          Download JSON
        </button>
        <button type="button" class="button secondary" disabled={disabled} onClick={() => void exportAs('csv')}>
          Download CSV
        </button>
        <button type="button" class="button secondary" disabled={disabled} onClick={() => void exportAs('md')}>
          Download Markdown report
        </button>
        <button type="button" class="button secondary" disabled={disabled} onClick={() => void exportAs('threat-dragon')}>
          Download Threat Dragon model
        </button>
        <button type="button" class="button secondary" disabled={disabled} onClick={() => void copyCode()}>
          Copy share code
        </button>
      </div>
      {code && (
        <div class="field">
          <label for="stride-code-out">Share code</label>
          <textarea id="stride-code-out" rows={3} readOnly value={code} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <div class="button-row">
        <label class="button secondary file-button">
          Import a JSON file…
          <input type="file" accept="application/json,.json" class="visually-hidden" disabled={disabled} onChange={(e) => void importFile(e.currentTarget)} />
        </label>
      </div>
      <div class="field">
        <label for="stride-code-in">Or paste a share code</label>
        <textarea id="stride-code-in" rows={2} value={pasted} maxLength={MAX_UNTRUSTED_BYTES} onInput={(e) => setPasted(e.currentTarget.value)} />
      </div>
      <button type="button" class="button secondary" disabled={disabled || pasted.trim() === ''} onClick={() => void importCode()}>
        Load the code
      </button>
    </div>
  );
}
