/**
 * Exports of a STRIDE-AI submission: CSV for spreadsheets, a Markdown report, and an OWASP
 * Threat Dragon v2 model that opens in Threat Dragon. Learner text is data everywhere: escaped in
 * Markdown, neutralised in CSV, plain strings in JSON.
 */
import type { GradeReport } from '../../grading/report';
import { STRIDE_NAMES, type StrideRow } from './answers';
import { byRisk, isRated, ratingText, riskOf } from './risk';
import type { KindSubmission } from '../../share/submission';
import { toCsv } from '../../export/csv';
import { markdownText } from '../../export/markdown';

export { markdownText };

/** What the exports need to know about the scenario. */
export interface StrideExportContext {
  title: string;
  components: ReadonlyArray<{
    id: string;
    name: string;
    kind: 'process' | 'store' | 'actor' | 'external';
    description: string;
    x: number;
    y: number;
  }>;
  flows: ReadonlyArray<{ from: string; to: string; data: string }>;
}

export { STRIDE_NAMES };

function componentName(context: StrideExportContext, id: string): string {
  return context.components.find((c) => c.id === id)?.name ?? id;
}

export function strideCsv(submission: KindSubmission<'stride-table'>, context: StrideExportContext): string {
  const header = [
    'Component',
    'STRIDE category',
    'Threat',
    'Potential impact',
    'Likelihood (1-3)',
    'Severity (1-3)',
    'Risk',
    'Mitigation',
  ];
  return toCsv([
    header,
    ...byRisk(submission.answers.rows).map((row) => [
      componentName(context, row.component),
      `${row.category} - ${STRIDE_NAMES[row.category]}`,
      row.threat,
      row.impact,
      row.likelihood ?? '',
      row.severity ?? '',
      isRated(row) ? riskOf(row) : 'unrated',
      row.mitigation,
    ]),
  ]);
}

export function strideMarkdown(
  submission: KindSubmission<'stride-table'>,
  context: StrideExportContext,
  report?: GradeReport,
): string {
  const lines: string[] = [];
  lines.push(`# STRIDE-AI threat analysis: ${markdownText(context.title)}`, '');
  lines.push(
    `Exercise \`${submission.exercise}\`, submitted ${submission.submittedAt}${submission.learner ? ` by ${markdownText(submission.learner)}` : ''}.`,
    '',
  );
  lines.push('## Components in scope', '');
  for (const id of submission.answers.components) lines.push(`- ${markdownText(componentName(context, id))}`);
  lines.push('', '## Threats by risk', '');
  lines.push(
    '| Risk | Component | Category | Threat | Potential impact | Mitigation |',
    '| ---: | --- | --- | --- | --- | --- |',
  );
  for (const row of byRisk(submission.answers.rows)) {
    lines.push(
      `| ${isRated(row) ? `${riskOf(row)} (${ratingText(row)})` : ratingText(row)} | ${markdownText(componentName(context, row.component))} | ${row.category}: ${STRIDE_NAMES[row.category]} | ${markdownText(row.threat)} | ${markdownText(row.impact)} | ${markdownText(row.mitigation)} |`,
    );
  }
  if (report) {
    lines.push('', '## Review', '', `Score: ${Math.round(report.score * 100)}%. ${report.verdict}`, '');
    for (const part of Object.values(report.parts)) lines.push(`- ${part.label}: ${Math.round(part.score * 100)}%`);
    lines.push('');
    for (const item of report.feedback)
      lines.push(`- **${markdownText(item.target)}** (${item.verdict}): ${markdownText(item.message)}`);
  }
  lines.push('', '_Made with AI Threat Modeling Lab. The scenario is synthetic._', '');
  return lines.join('\n');
}

/** Deterministic ids, so exporting twice gives the same file. */
function idFor(seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ seed.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const SHAPES = {
  process: ['process', 'tm.Process'],
  store: ['store', 'tm.Store'],
  actor: ['actor', 'tm.Actor'],
  external: ['actor', 'tm.Actor'],
} as const;

/** Threat Dragon's severity (High, Medium or Low); an unrated row gets none, for the team to rate. */
function severity(row: StrideRow): 'High' | 'Medium' | 'Low' | '' {
  if (!isRated(row)) return '';
  const r = riskOf(row);
  return r >= 6 ? 'High' : r >= 3 ? 'Medium' : 'Low';
}

/** An OWASP Threat Dragon v2 model: components as cells with their threats, flows as edges. */
export function strideThreatDragon(submission: KindSubmission<'stride-table'>, context: StrideExportContext): object {
  const cellId = (id: string) => idFor(`cell:${id}`);
  const components = context.components.map((c, i) => {
    const [shape, type] = SHAPES[c.kind];
    const threats = submission.answers.rows
      .filter((row) => row.component === c.id)
      .map((row, j) => ({
        id: idFor(`threat:${c.id}:${j}:${row.threat}`),
        title: row.threat.length > 80 ? `${row.threat.slice(0, 77)}...` : row.threat,
        type: STRIDE_NAMES[row.category],
        status: 'Open',
        severity: severity(row),
        description: `${row.threat}\n\nPotential impact: ${row.impact}\n${isRated(row) ? `Likelihood ${row.likelihood} x severity ${row.severity} = risk ${riskOf(row)}.` : 'Not rated yet.'}`,
        mitigation: row.mitigation,
        modelType: 'STRIDE',
      }));
    return {
      id: cellId(c.id),
      shape,
      zIndex: i + 1,
      position: { x: c.x, y: c.y },
      size: { width: 170, height: 64 },
      attrs: { text: { text: c.name } },
      visible: true,
      data: {
        name: c.name,
        description: c.description,
        type,
        isTrustBoundary: false,
        outOfScope: !submission.answers.components.includes(c.id),
        reasonOutOfScope: submission.answers.components.includes(c.id) ? '' : 'Not picked in the decomposition step.',
        hasOpenThreats: threats.length > 0,
        threats,
      },
    };
  });
  const known = new Set(context.components.map((c) => c.id));
  const flows = context.flows
    .filter((f) => known.has(f.from) && known.has(f.to))
    .map((f, i) => ({
      id: idFor(`flow:${f.from}:${f.to}:${i}`),
      shape: 'flow',
      zIndex: 100 + i,
      connector: 'smooth',
      source: { cell: cellId(f.from) },
      target: { cell: cellId(f.to) },
      attrs: { line: { stroke: '#333333', targetMarker: { name: 'block' }, sourceMarker: { name: '' } } },
      labels: [
        { attrs: { labelText: { text: f.data.length > 40 ? `${f.data.slice(0, 37)}...` : f.data } }, position: 0.5 },
      ],
      data: {
        type: 'tm.Flow',
        name: f.data,
        description: f.data,
        hasOpenThreats: false,
        isBidirectional: false,
        isEncrypted: false,
        isPublicNetwork: false,
        outOfScope: false,
        reasonOutOfScope: '',
        protocol: '',
        isTrustBoundary: false,
        threats: [],
      },
    }));
  return {
    version: '2.3.0',
    summary: {
      title: context.title,
      owner: submission.learner ?? '',
      description: `STRIDE-AI analysis made in AI Threat Modeling Lab (synthetic scenario), submitted ${submission.submittedAt}.`,
      id: 0,
    },
    detail: {
      contributors: submission.learner ? [{ name: submission.learner }] : [],
      diagrams: [
        {
          id: 0,
          title: context.title,
          description: 'Components and flows of the scenario, with the threats from the analysis.',
          diagramType: 'STRIDE',
          thumbnail: './public/content/images/thumbnail.stride.jpg',
          version: '2.3.0',
          cells: [...components, ...flows],
        },
      ],
      diagramTop: 1,
      reviewer: '',
      threatTop: submission.answers.rows.length,
    },
  };
}
