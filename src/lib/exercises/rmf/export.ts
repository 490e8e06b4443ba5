/**
 * Exports of an AI RMF gap analysis: the risk register as CSV (one row per gap, top three first)
 * and the stakeholder report as Markdown. Learner text is data: escaped in Markdown, neutralised
 * in CSV.
 */
import type { GradeReport } from '../../grading/report';
import type { RmfGradingContext } from './context';
import { RMF_STATUS_LABELS, type RmfAssessment } from './answers';
import type { KindSubmission } from '../../share/submission';
import { toCsv } from '../../export/csv';
import { markdownParagraphs, markdownText } from '../../export/markdown';
import { own } from '../../own';

/** What the exports need: the grading context (subcategory, fact and context names) and the scenario's title and obligations. */
export interface RmfExportContext extends RmfGradingContext {
  title: string;
  /** The obligations that apply, as the scenario states them. */
  obligations: ReadonlyArray<{ name: string; text: string }>;
}

const FUNCTION_ORDER = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'];

/** Assessments in framework order: function, then category and subcategory number. */
export function inFrameworkOrder(assessments: readonly RmfAssessment[]): RmfAssessment[] {
  const key = (id: string) => {
    const [fn = '', number = ''] = id.trim().toUpperCase().split(/\s+/);
    const [category = 0, sub = 0] = number.split('.').map(Number);
    return [FUNCTION_ORDER.indexOf(fn) < 0 ? 9 : FUNCTION_ORDER.indexOf(fn), category, sub];
  };
  return [...assessments].sort((a, b) => {
    const [x, y] = [key(a.subcategory), key(b.subcategory)];
    return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0) || (x[2] ?? 0) - (y[2] ?? 0);
  });
}

const title = (context: RmfExportContext, id: string) => own(context.subcategories, id.trim().toUpperCase()) ?? '';
const factList = (context: RmfExportContext, ids: readonly string[]) =>
  ids.map((id) => own(context.factTitles, id) ?? id).join('; ');

/** The risk register: the top three first (ranked), then every other gap (partial or missing). */
export function rmfCsv(submission: KindSubmission<'rmf-gap'>, context: RmfExportContext): string {
  const { assessments, priorities } = submission.answers;
  const status = new Map(assessments.map((a) => [a.subcategory.trim().toUpperCase(), a]));
  const header = ['Rank', 'Subcategory', 'Outcome', 'Status', 'Gap', 'Evidence', 'Mitigation', 'Owner', 'Due'];
  const top = priorities.map((p, i) => {
    const a = status.get(p.subcategory.trim().toUpperCase());
    return [
      i + 1,
      p.subcategory,
      title(context, p.subcategory),
      a ? RMF_STATUS_LABELS[a.status] : '',
      p.gap,
      a ? factList(context, a.evidence) : '',
      p.mitigation,
      p.owner ?? '',
      p.due ?? '',
    ];
  });
  const ranked = new Set(priorities.map((p) => p.subcategory.trim().toUpperCase()));
  const others = inFrameworkOrder(assessments)
    .filter(
      (a) => (a.status === 'partial' || a.status === 'missing') && !ranked.has(a.subcategory.trim().toUpperCase()),
    )
    .map((a) => [
      '',
      a.subcategory,
      title(context, a.subcategory),
      RMF_STATUS_LABELS[a.status],
      a.note,
      factList(context, a.evidence),
      '',
      '',
      '',
    ]);
  return toCsv([header, ...top, ...others]);
}

/** The stakeholder report: summary, top three gaps, obligations, then every assessment. */
export function rmfMarkdown(
  submission: KindSubmission<'rmf-gap'>,
  context: RmfExportContext,
  report?: GradeReport,
): string {
  const { answers } = submission;
  const lines: string[] = [];
  lines.push(`# AI RMF gap analysis: ${markdownText(context.title)}`, '');
  lines.push(
    `Exercise \`${submission.exercise}\`, submitted ${submission.submittedAt}${submission.learner ? ` by ${markdownText(submission.learner)}` : ''}. Assessed against NIST AI RMF 1.0.`,
    '',
  );
  lines.push('## Summary for stakeholders', '');
  const summary = markdownParagraphs(answers.report);
  lines.push(...(summary.length > 0 ? summary.flatMap((p) => [p, '']) : ['_No summary written yet._', '']));
  lines.push('## Top three gaps', '');
  if (answers.priorities.length === 0) lines.push('_None chosen yet._', '');
  answers.priorities.forEach((p, i) => {
    lines.push(`### ${i + 1}. ${markdownText(p.subcategory)} ${markdownText(title(context, p.subcategory))}`, '');
    lines.push(`- **Gap:** ${markdownText(p.gap)}`, `- **Mitigation:** ${markdownText(p.mitigation)}`);
    lines.push(
      `- **Owner:** ${markdownText(p.owner ?? '') || 'not set'}`,
      `- **Due:** ${markdownText(p.due ?? '') || 'not set'}`,
      '',
    );
  });
  lines.push('## Obligations that apply', '');
  for (const o of context.obligations) lines.push(`- **${markdownText(o.name)}:** ${markdownText(o.text)}`);
  lines.push('', '## Contexts that shape the risk', '');
  for (const id of answers.contexts) {
    const note = own(answers.contextNotes, id);
    lines.push(`- ${markdownText(own(context.contextNames, id) ?? id)}${note ? `: ${markdownText(note)}` : ''}`);
  }
  lines.push(
    '',
    '## Assessment',
    '',
    '| Subcategory | Outcome | Status | Evidence | Note |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const a of inFrameworkOrder(answers.assessments)) {
    lines.push(
      `| ${markdownText(a.subcategory)} | ${markdownText(title(context, a.subcategory))} | ${RMF_STATUS_LABELS[a.status]} | ${markdownText(factList(context, a.evidence))} | ${markdownText(a.note)} |`,
    );
  }
  if (report) {
    lines.push('', '## Review', '', `Score: ${Math.round(report.score * 100)}%. ${report.verdict}`, '');
    for (const part of Object.values(report.parts)) lines.push(`- ${part.label}: ${Math.round(part.score * 100)}%`);
  }
  lines.push('', '_Made with AI Threat Modeling Lab. The scenario is synthetic._', '');
  return lines.join('\n');
}
