/**
 * The room dashboard: paste many share codes or drop many JSON files; each is read on its own
 * (bad, truncated or duplicate ones are reported, the rest load), graded in this browser with the
 * project's own grader, and summarised per project: scores and parts per learner or team, how
 * many covered each expected item, the score distribution, and a CSV. Nothing leaves the browser.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExerciseId } from '../../lib/exercises/registry';
import type { Submission } from '../../lib/share/submission';
import { MAX_FILE_BYTES, MAX_UNTRUSTED_BYTES, formatBytes } from '../../lib/share/safe-json';
import { readFileText } from '../common/read-file';
import {
  dashboardCsv,
  distribution,
  identity,
  itemTallies,
  whoOf,
  type GradedEntry,
} from '../../lib/workshop/dashboard';
import { DASHBOARD_LIMIT } from '../../lib/workshop/dashboard-limit';
import type { Intake } from '../../lib/workshop/intake';
import type * as DashboardStore from '../../stores/dashboard';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { downloadText } from '../common/download';
import { MessageArea, type Message } from '../common/MessageArea';
import { checkFailure, loadChecker } from '../common/check-failure';

interface Props {
  base: string;
  projects: Array<{ id: ExerciseId; title: string }>;
}

const MAX_FILES = 200;
const pct = (n: number) => `${Math.round(n * 100)}%`;

export default function WorkshopDashboard({ base, projects }: Props) {
  // The store (and the submission validator it reads storage with) loads after first paint.
  const [store, setStore] = useState<typeof DashboardStore | null>(null);
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const ready = store !== null;
  const [pasted, setPasted] = useState('');
  const [problems, setProblems] = useState<Array<{ source: string; problem: string }>>([]);
  const [graded, setGraded] = useState<GradedEntry[]>([]);
  const [room, setRoom] = useState('all');
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [grading, setGrading] = useState('');

  useEffect(() => {
    let stop = () => {};
    void import('../../stores/dashboard').then((m) => {
      setStore(m);
      stop = m.$dashboard.subscribe((value) => setSubmissions([...value]));
    });
    return () => stop();
  }, []);

  // Grade whatever is loaded; the graders and keys load once, on first need.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const entries: GradedEntry[] = [];
        if (submissions.length > 0) {
          // The registry and the graders load only once there is something to grade.
          const { exerciseFor } = await loadChecker(() => import('./grade-any'));
          // Many results are graded in slices, so the page stays responsive and shows how far it is.
          let slice = performance.now();
          for (const [i, s] of submissions.entries()) {
            entries.push({
              key: identity(s),
              submission: s,
              report: await (await exerciseFor(base, s.exercise)).check(s),
            });
            if (performance.now() - slice > 40 && i + 1 < submissions.length) {
              setGrading(`Grading ${i + 1} of ${submissions.length} results…`);
              await new Promise((resolve) => setTimeout(resolve, 0));
              if (!live) return;
              slice = performance.now();
            }
          }
        }
        if (live) {
          setGraded(entries);
          setGrading('');
        }
      } catch (error) {
        if (live) setMessage(checkFailure(error, 'an answer key'));
      }
    })();
    return () => {
      live = false;
    };
  }, [submissions]);

  const intake = async (items: Intake[]) => {
    if (!store) return;
    const { readIntake } = await import('../../lib/workshop/intake');
    const results = readIntake(items, submissions.map(identity));
    const read = results.flatMap((r) => (r.ok ? [r] : []));
    const bad = results.flatMap((r) => (r.ok ? [] : [{ source: r.source, problem: r.problem }]));
    const { added, saved } = store.addSubmissions(read.map((r) => r.submission));
    // Past the limit nothing is dropped in silence: each result left out is listed.
    const full = read.slice(added).map((r) => ({
      source: r.source,
      problem: `the dashboard is full (${DASHBOARD_LIMIT} results); download the CSV and clear it to load more.`,
    }));
    const notLoaded = [...bad, ...full];
    setProblems(notLoaded);
    if (!saved) {
      setMessage({
        tone: 'error',
        text: 'This browser’s storage is full: the results are shown but will not survive a reload. Download the CSV now.',
      });
    } else {
      setMessage(
        added > 0 || notLoaded.length > 0
          ? {
              tone: added > 0 ? 'success' : 'error',
              text: `${added} loaded${notLoaded.length > 0 ? `, ${notLoaded.length} not loaded (listed below)` : ''}.`,
            }
          : null,
      );
    }
  };

  const loadPasted = async () => {
    const { splitCodes } = await import('../../lib/workshop/intake');
    await intake(splitCodes(pasted));
    setPasted('');
  };

  const loadFiles = async (files: FileList | File[]) => {
    const list = [...files].slice(0, MAX_FILES);
    setBusy(true);
    const items: Intake[] = [];
    const tooBig: Array<{ source: string; problem: string }> = [];
    for (const f of list) {
      if (f.size > MAX_FILE_BYTES)
        tooBig.push({
          source: f.name,
          problem: `${formatBytes(f.size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}.`,
        });
      else items.push({ source: f.name, text: await readFileText(f), kind: 'file' });
    }
    await intake(items);
    if (tooBig.length > 0) setProblems((p) => [...p, ...tooBig]);
    setBusy(false);
  };

  const remove = (s: Submission) => {
    if (!store) return;
    const removed = store.removeSubmission(submissions.indexOf(s));
    if (removed)
      setMessage({
        tone: 'success',
        text: `Removed ${whoOf(removed)}.`,
        undo: () => void store.addSubmissions([removed]),
      });
  };

  const clear = () => {
    if (!store) return;
    setConfirmClear(false);
    const before = store.clearDashboard();
    setProblems([]);
    setMessage({ tone: 'success', text: 'The dashboard was cleared.', undo: () => store.restoreDashboard(before) });
  };

  const rooms = [...new Set(submissions.map((s) => s.room ?? '').filter(Boolean))].sort();
  const shown = graded.filter((e) => room === 'all' || (e.submission.room ?? '') === room);

  return (
    <div class="dashboard">
      <MessageArea message={message} />
      <section aria-labelledby="dashboard-add">
        <h2 id="dashboard-add">Add results</h2>
        <p class="meta" aria-live="polite">
          {grading && (
            <>
              {grading}
              <br />
            </>
          )}
          {submissions.length} of {DASHBOARD_LIMIT} results loaded. The dashboard keeps up to {DASHBOARD_LIMIT}; clear
          it (after downloading the CSV) to load more.
        </p>
        <div class="field">
          <label for="dashboard-codes">Paste share codes (one per line)</label>
          <textarea
            id="dashboard-codes"
            rows={5}
            value={pasted}
            maxLength={MAX_UNTRUSTED_BYTES * 4}
            disabled={!ready}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
        </div>
        <div class="button-row">
          <button
            type="button"
            class="button"
            disabled={!ready || pasted.trim() === ''}
            onClick={() => void loadPasted()}
          >
            Load the codes
          </button>
          <label class="button secondary file-button">
            Add JSON files…
            <input
              type="file"
              multiple
              accept="application/json,.json"
              class="visually-hidden"
              disabled={!ready || busy}
              onChange={(e) => void loadFiles(e.currentTarget.files ?? [])}
            />
          </label>
        </div>
        <div
          class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (e.dataTransfer?.files) void loadFiles(e.dataTransfer.files);
          }}
        >
          Or drop JSON files here.
        </div>
        {problems.length > 0 && (
          <div class="callout error">
            <p>Not loaded:</p>
            <ul class="dashboard__problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <strong>{p.source}</strong>: {p.problem}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      {submissions.length === 0 ? (
        <p class="empty-state">
          No results yet. Ask teams to use “Send to instructor” in a project, then paste their codes or drop their files
          here.
        </p>
      ) : (
        <>
          <div class="field-row dashboard__filters">
            <div class="field">
              <label for="dashboard-room">Room</label>
              <select id="dashboard-room" value={room} onChange={(e) => setRoom(e.currentTarget.value)}>
                <option value="all">All rooms ({submissions.length} results)</option>
                {rooms.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" class="button danger small" onClick={() => setConfirmClear(true)}>
              Clear the dashboard
            </button>
          </div>
          {graded.length < submissions.length && <p role="status">Grading {submissions.length} results…</p>}
          {projects.map((p) => {
            const entries = shown.filter((e) => e.submission.exercise === p.id);
            if (entries.length === 0) return null;
            return <ProjectResults key={p.id} title={p.title} exercise={p.id} entries={entries} onRemove={remove} />;
          })}
        </>
      )}
      {confirmClear && (
        <ConfirmDialog
          title="Clear the dashboard?"
          confirmLabel="Clear all results"
          danger
          onConfirm={clear}
          onCancel={() => setConfirmClear(false)}
        >
          <p>
            This removes {submissions.length} results from this browser. Download the CSV first if you need them. You
            can undo right after.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function ProjectResults({
  title,
  exercise,
  entries,
  onRemove,
}: {
  title: string;
  exercise: ExerciseId;
  entries: GradedEntry[];
  onRemove: (s: Submission) => void;
}) {
  const parts = [...new Set(entries.flatMap((e) => Object.keys(e.report.parts)))];
  const partLabel = (k: string) => entries.find((e) => e.report.parts[k])?.report.parts[k]?.label ?? k;
  const tallies = itemTallies(entries);
  const bins = distribution(entries);
  const max = Math.max(1, ...bins);
  const mean = entries.reduce((s, e) => s + e.report.score, 0) / entries.length;
  const headingId = `results-${exercise}`;
  const csv = () => downloadText(`${exercise}-room-results.csv`, dashboardCsv(exercise, entries), 'text/csv');
  return (
    <section aria-labelledby={headingId} class="dashboard__project">
      <h2 id={headingId}>
        {title}: {entries.length} result{entries.length === 1 ? '' : 's'}, mean {pct(mean)}
      </h2>
      <div class="table-scroll">
        <table class="dashboard__table">
          <caption>Scores by learner or team</caption>
          <thead>
            <tr>
              <th scope="col">Learner or team</th>
              <th scope="col">Room</th>
              <th scope="col">Score</th>
              {parts.map((k) => (
                <th key={k} scope="col">
                  {partLabel(k)}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...entries]
              .sort((a, b) => b.report.score - a.report.score)
              .map((e) => (
                <tr key={e.key}>
                  <th scope="row">{whoOf(e.submission)}</th>
                  <td>{e.submission.room ?? ''}</td>
                  <td>{pct(e.report.score)}</td>
                  {parts.map((k) => (
                    <td key={k}>{e.report.parts[k] ? pct(e.report.parts[k].score) : ''}</td>
                  ))}
                  <td>
                    <button
                      type="button"
                      class="button secondary small"
                      aria-label={`Remove ${whoOf(e.submission)}`}
                      onClick={() => onRemove(e.submission)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      <h3>What the room covered and missed</h3>
      <ul class="dashboard__missed">
        {tallies
          .filter((t) => t.covered < t.total)
          .slice(0, 5)
          .map((t) => (
            <li key={t.id}>
              {t.total - t.covered} of {t.total} missed {t.label}
            </li>
          ))}
      </ul>
      <div class="table-scroll">
        <table class="dashboard__table">
          <caption>Each expected item: how many covered it, most missed first</caption>
          <thead>
            <tr>
              <th scope="col">Expected item</th>
              <th scope="col">Covered by</th>
            </tr>
          </thead>
          <tbody>
            {tallies.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                <td>
                  {t.covered} of {t.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <figure class="chart">
        <svg viewBox="0 0 400 120" role="presentation" aria-hidden="true" focusable="false">
          {bins.map((n, i) => (
            <rect
              key={i}
              x={i * 40 + 4}
              y={100 - (n / max) * 90}
              width={32}
              height={(n / max) * 90}
              class="chart__genuine"
            />
          ))}
          <text x={0} y={116} class="chart__label">
            0%
          </text>
          <text x={400} y={116} text-anchor="end" class="chart__label">
            100%
          </text>
        </svg>
        <figcaption>
          <strong>Score distribution.</strong>{' '}
          {bins
            .map((n, i) => (n > 0 ? `${i * 10}–${i * 10 + 10}%: ${n}` : ''))
            .filter(Boolean)
            .join('; ')}
          .
        </figcaption>
      </figure>
      <button type="button" class="button secondary" onClick={csv}>
        Download {title.split(':')[0]} results (CSV)
      </button>
    </section>
  );
}
