/**
 * Small SVG charts of a range run, drawn by hand (no chart library). Each figure has a caption
 * that states its point and a data table as its text equivalent; the drawing itself is hidden
 * from screen readers, which get the table.
 */
import type { ComponentChildren } from 'preact';
import type { Alert } from '../../lib/range/api';
import type { ModelSnapshot, TrajectoryPoint } from '../../lib/range/run';

const W = 560;
const H = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 34 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const pct = (n: number) => `${Math.round(n * 100)}%`;

function Figure({
  title,
  caption,
  table,
  children,
}: {
  title: string;
  caption: string;
  table: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="presentation" aria-hidden="true" focusable="false">
        {children}
      </svg>
      <figcaption>
        <strong>{title}.</strong> {caption}
      </figcaption>
      <details class="chart__data">
        <summary>Data for “{title}”</summary>
        {table}
      </details>
    </figure>
  );
}

function YAxis({ ticks, format }: { ticks: number[]; format: (v: number) => string }) {
  return (
    <g class="chart__axis">
      {ticks.map((t) => {
        const y = PAD.top + plotH * (1 - t);
        return (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} class="chart__grid" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {format(t)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Score of each attacker query, in order, against the decision threshold. */
export function TrajectoryChart({ points, threshold }: { points: readonly TrajectoryPoint[]; threshold: number }) {
  if (points.length === 0) return null;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (plotW * i) / (points.length - 1));
  const y = (s: number) => PAD.top + plotH * (1 - s);
  const approved = points.filter((p) => p.decision === 'approve').length;
  const step = Math.max(1, Math.ceil(points.length / 60));
  const sampled = points.filter((_, i) => i % step === 0 || i === points.length - 1);
  return (
    <Figure
      title="Attack trajectory"
      caption={`The model's score for each of the attacker's ${points.length} queries, against the decline threshold of ${threshold.toFixed(2)}. ${approved} approved.${points.some((p) => p.shown === null) ? ' Some answers returned no score to the attacker.' : ''}`}
      table={
        <table>
          <caption class="visually-hidden">Attacker queries{step > 1 ? `, every ${step}th shown` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Query</th>
              <th scope="col">Score</th>
              <th scope="col">Attacker saw</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {sampled.map((p) => (
              <tr key={p.index}>
                <td>{p.index + 1}</td>
                <td>{p.score.toFixed(3)}</td>
                <td>{p.shown === null ? 'no score' : p.shown.toFixed(3)}</td>
                <td>{p.status === 'ok' ? p.decision : p.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <YAxis ticks={[0, 0.25, 0.5, 0.75, 1]} format={(v) => v.toFixed(2)} />
      <line x1={PAD.left} x2={W - PAD.right} y1={y(threshold)} y2={y(threshold)} class="chart__threshold" />
      <text x={W - PAD.right} y={y(threshold) - 4} text-anchor="end" class="chart__label">
        threshold
      </text>
      <polyline
        class="chart__line"
        points={points.map((p, i) => `${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}
      />
      {points.map((p, i) =>
        p.decision === 'approve' ? (
          <circle key={i} cx={x(i)} cy={y(p.score)} r={5} class="chart__approve" />
        ) : p.status !== 'ok' ? (
          <rect key={i} x={x(i) - 3} y={y(p.score) - 3} width={6} height={6} class="chart__blocked" />
        ) : null,
      )}
      <text x={PAD.left + plotW / 2} y={H - 6} text-anchor="middle" class="chart__label">
        query 1 to {points.length}
      </text>
    </Figure>
  );
}

/** Test-set scores of genuine and fraudulent transactions, as a share of each class per bin. */
export function HistogramChart({
  genuine,
  fraud,
  threshold,
}: {
  genuine: readonly number[];
  fraud: readonly number[];
  threshold: number;
}) {
  const total = (xs: readonly number[]) =>
    Math.max(
      1,
      xs.reduce((a, b) => a + b, 0),
    );
  const g = genuine.map((c) => c / total(genuine));
  const f = fraud.map((c) => c / total(fraud));
  const max = Math.max(0.05, ...g, ...f);
  const binW = plotW / 10;
  const bar = (share: number) => (plotH * share) / max;
  return (
    <Figure
      title="Score histogram"
      caption={`How the model in production scores the clean test set: genuine payments (${total(genuine)}) should sit left of the threshold, fraud (${total(fraud)}) right of it. Bars are each class's share per score band.`}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Score band</th>
              <th scope="col">Genuine</th>
              <th scope="col">Fraud</th>
            </tr>
          </thead>
          <tbody>
            {g.map((share, i) => (
              <tr key={i}>
                <td>
                  {(i / 10).toFixed(1)}–{((i + 1) / 10).toFixed(1)}
                </td>
                <td>
                  {genuine[i]} ({pct(share)})
                </td>
                <td>
                  {fraud[i]} ({pct(f[i] ?? 0)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <YAxis ticks={[0, 0.5, 1]} format={(v) => pct(v * max)} />
      {g.map((share, i) => (
        <rect
          key={`g${i}`}
          x={PAD.left + i * binW + 3}
          y={PAD.top + plotH - bar(share)}
          width={binW / 2 - 4}
          height={bar(share)}
          class="chart__genuine"
        />
      ))}
      {f.map((share, i) => (
        <rect
          key={`f${i}`}
          x={PAD.left + i * binW + binW / 2 + 1}
          y={PAD.top + plotH - bar(share)}
          width={binW / 2 - 4}
          height={bar(share)}
          class="chart__fraud"
        />
      ))}
      <line
        x1={PAD.left + plotW * threshold}
        x2={PAD.left + plotW * threshold}
        y1={PAD.top}
        y2={PAD.top + plotH}
        class="chart__threshold"
      />
      <text x={PAD.left} y={H - 6} class="chart__label">
        score 0
      </text>
      <text x={W - PAD.right} y={H - 6} text-anchor="end" class="chart__label">
        1
      </text>
      <g class="chart__legend">
        <rect x={PAD.left + plotW / 2 - 90} y={H - 16} width={10} height={10} class="chart__genuine" />
        <text x={PAD.left + plotW / 2 - 76} y={H - 7}>
          genuine
        </text>
        <rect x={PAD.left + plotW / 2 + 10} y={H - 16} width={10} height={10} class="chart__fraud" />
        <text x={PAD.left + plotW / 2 + 24} y={H - 7}>
          fraud
        </text>
      </g>
    </Figure>
  );
}

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round(seconds % 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

/** When each alert fired on the run's clock; the list below the drawing is the record itself. */
export function AlertTimeline({ alerts, end }: { alerts: readonly Alert[]; end: number }) {
  const span = Math.max(end, ...alerts.map((a) => a.at), 60);
  const x = (t: number) => PAD.left + (plotW * t) / span;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} 70`} role="presentation" aria-hidden="true" focusable="false">
        <line x1={PAD.left} x2={W - PAD.right} y1={35} y2={35} class="chart__axis-line" />
        <text x={PAD.left} y={62} class="chart__label">
          {clock(0)}
        </text>
        <text x={W - PAD.right} y={62} text-anchor="end" class="chart__label">
          {clock(span)}
        </text>
        {alerts.map((a, i) => (
          <g key={i}>
            <line
              x1={x(a.at)}
              x2={x(a.at)}
              y1={18}
              y2={52}
              class={a.seen ? 'chart__alert' : 'chart__alert chart__alert--unseen'}
            />
            <circle cx={x(a.at)} cy={18} r={5} class={a.seen ? 'chart__alert' : 'chart__alert chart__alert--unseen'} />
          </g>
        ))}
      </svg>
      <figcaption>
        <strong>Alert timeline.</strong>{' '}
        {alerts.length === 0
          ? 'No alert fired during the run.'
          : `${alerts.length} alert${alerts.length === 1 ? '' : 's'}; hollow markers reached no analyst.`}
      </figcaption>
      {alerts.length > 0 && (
        <ol class="alert-list">
          {alerts.map((a, i) => (
            <li key={i}>
              <span class="meta">{clock(a.at)}</span> <strong>{a.title}</strong> (
              {a.source === 'drift' ? 'drift monitoring' : a.source}
              {a.seen ? ', seen by an analyst' : ', not seen: no telemetry'}). {a.detail}
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}

/** AUC, precision and recall of the model before the run and in production after it. */
export function MetricsChart({ before, after }: { before: ModelSnapshot; after: ModelSnapshot }) {
  const rows: Array<[string, number, number]> = [
    ['ROC AUC', before.auc, after.auc],
    ['Precision', before.precision, after.precision],
    ['Recall', before.recall, after.recall],
  ];
  const groupW = plotW / rows.length;
  const bar = (v: number) => plotH * v;
  return (
    <Figure
      title="Model before and after"
      caption="On the clean test set, before the run and for the model in production at its end (after hardening or a retrain)."
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, b, a]) => (
              <tr key={name}>
                <td>{name}</td>
                <td>{b.toFixed(3)}</td>
                <td>{a.toFixed(3)}</td>
              </tr>
            ))}
            <tr>
              <td>False declines (genuine flagged)</td>
              <td>{before.falsePositive}</td>
              <td>{after.falsePositive}</td>
            </tr>
          </tbody>
        </table>
      }
    >
      <YAxis ticks={[0, 0.5, 1]} format={(v) => v.toFixed(1)} />
      {rows.map(([name, b, a], i) => (
        <g key={name}>
          <rect
            x={PAD.left + i * groupW + 12}
            y={PAD.top + plotH - bar(b)}
            width={groupW / 2 - 16}
            height={bar(b)}
            class="chart__before"
          />
          <rect
            x={PAD.left + i * groupW + groupW / 2 + 4}
            y={PAD.top + plotH - bar(a)}
            width={groupW / 2 - 16}
            height={bar(a)}
            class="chart__after"
          />
          {/* Each bar carries its value, so the change reads without the table. */}
          <text
            x={PAD.left + i * groupW + 12 + (groupW / 2 - 16) / 2}
            y={Math.max(10, PAD.top + plotH - bar(b) - 3)}
            text-anchor="middle"
            class="chart__value"
          >
            {b.toFixed(2)}
          </text>
          <text
            x={PAD.left + i * groupW + groupW / 2 + 4 + (groupW / 2 - 16) / 2}
            y={Math.max(10, PAD.top + plotH - bar(a) - 3)}
            text-anchor="middle"
            class="chart__value"
          >
            {a.toFixed(2)}
          </text>
          <text x={PAD.left + i * groupW + groupW / 2} y={H - 16} text-anchor="middle" class="chart__label">
            {name}
          </text>
        </g>
      ))}
      <text x={PAD.left + plotW / 2} y={H - 2} text-anchor="middle" class="chart__label">
        left bar before, right bar after
      </text>
    </Figure>
  );
}
