/** The report of one range run: outcome, cost, detection, model metrics, charts and drift. */
import { formatDuration } from '../../lib/range/config';
import type { RunReport } from '../../lib/range/run';
import { AlertTimeline, HistogramChart, MetricsChart, TrajectoryChart } from './charts';
import { ATTACK_INFO, DEFENSE_INFO } from './labels';

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function RunReportView({ report }: { report: RunReport }) {
  const seen = report.alerts.filter((a) => a.seen).length;
  const end = Math.max(report.trajectory.at(-1)?.at ?? 0, ...report.alerts.map((a) => a.at), 3600);
  const { attacker, poisoning } = report;
  return (
    <section class="run-report" id="run-report" tabIndex={-1} aria-labelledby="run-report-title">
      <h4 id="run-report-title">
        Run report: {ATTACK_INFO[report.config.attack.kind].label},{' '}
        {report.config.defenses.length === 0
          ? 'no defenses'
          : report.config.defenses.map((d) => DEFENSE_INFO[d].label).join(', ')}
      </h4>
      <p class={`callout ${report.achieved ? 'error' : ''}`}>
        <strong>{report.achieved ? 'The attacker succeeded.' : 'The attacker did not succeed.'}</strong>{' '}
        {report.summary}
      </p>
      <dl class="run-report__facts">
        <div>
          <dt>Techniques exercised</dt>
          <dd>{report.techniques.join(' → ')}</dd>
        </div>
        <div>
          <dt>Scoring calls by the attacker</dt>
          <dd>{attacker.queries}</dd>
        </div>
        {attacker.winning && (
          <div>
            <dt>Cost to the attacker</dt>
            <dd>
              €{attacker.spend} of tooling, {attacker.delayHours} h of waiting; nets €{attacker.payoff}
            </dd>
          </div>
        )}
        <div>
          <dt>Time to detect</dt>
          <dd>
            {report.timeToDetect === null
              ? 'Not detected: no analyst saw an alert about the attack'
              : formatDuration(report.timeToDetect)}
          </dd>
        </div>
        <div>
          <dt>Alerts</dt>
          <dd>
            {report.alerts.length} fired, {seen} seen by an analyst
            {report.otherAlerts > 0 ? `, ${report.otherAlerts} not about the attack` : ''}
          </dd>
        </div>
        {poisoning && (
          <div>
            <dt>Poisoned rows</dt>
            <dd>
              {poisoning.injected} injected{poisoning.flipped > 0 ? `, ${poisoning.flipped} labels flipped` : ''};{' '}
              {poisoning.removed} rows removed by defenses, {poisoning.removedPoison} of them the attacker’s
            </dd>
          </div>
        )}
        {poisoning && (
          <div>
            <dt>Fraud approved, before → after the retrain</dt>
            <dd>
              with the trigger {pct(poisoning.backdoorBefore.withTrigger)} → {pct(poisoning.backdoorAfter.withTrigger)};
              without it {pct(poisoning.backdoorBefore.withoutTrigger)} → {pct(poisoning.backdoorAfter.withoutTrigger)}
            </dd>
          </div>
        )}
        <div>
          <dt>Run time</dt>
          <dd>{Math.round(report.timings.totalMs)} ms in your browser</dd>
        </div>
      </dl>
      {report.actions.length > 0 && (
        <ul class="run-report__actions">
          {report.actions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <div class="charts">
        <TrajectoryChart points={report.trajectory} threshold={report.after.threshold} />
        <AlertTimeline alerts={report.alerts} end={end} />
        <MetricsChart before={report.before} after={report.after} />
        <HistogramChart
          genuine={report.histogram.genuine}
          fraud={report.histogram.fraud}
          threshold={report.after.threshold}
        />
      </div>
      <table class="drift-table">
        <caption>Drift on live traffic (population stability index; above 0.25 alerts)</caption>
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">PSI</th>
            <th scope="col">Reading</th>
          </tr>
        </thead>
        <tbody>
          {report.drift.map((d) => (
            <tr key={d.name}>
              <td>{d.name}</td>
              <td>{d.psi.toFixed(3)}</td>
              <td>{d.level}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
