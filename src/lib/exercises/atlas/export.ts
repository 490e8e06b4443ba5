/**
 * Exports of the adversarial simulation: the learner's kill chain as an ATLAS Navigator layer
 * (layer format 4.x) and an after-action report in Markdown. Learner text is data: escaped in
 * Markdown, and a plain JSON string in the layer. Both name the ATLAS release they were built
 * from, and both cite a removed ID by its successor, as the grader reads it.
 */
import type { AtlasCatalog } from './grade';
import { normaliseAtlasId, withCurrentIds } from './grade';
import type { GradeReport } from '../../grading/report';
import type { KindSubmission } from '../../share/submission';
import { markdownParagraphs, markdownText } from '../../export/markdown';
import { own } from '../../own';
import { movedText } from '../../range/moved';

export interface NavigatorTechnique {
  techniqueID: string;
  tactic?: string;
  color: string;
  comment: string;
  enabled: boolean;
  showSubtechniques?: boolean;
}

export interface NavigatorLayer {
  name: string;
  versions: { layer: string };
  domain: string;
  description: string;
  techniques: NavigatorTechnique[];
  legendItems: { label: string; color: string }[];
  hideDisabled: boolean;
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  metadata: { name: string; value: string }[];
}

/** Colors of the layer: the chain in order from light to dark, so the sequence reads on the matrix. */
export const CHAIN_COLORS = [
  '#fde0c5',
  '#facba6',
  '#f8b58b',
  '#f59e72',
  '#f2855d',
  '#ef6a4c',
  '#eb4a40',
  '#c1323b',
] as const;
const DEFENDED = '#7bc8a4';

/**
 * The tactic's short name as Navigator layers spell tactics: lower case, hyphenated
 * ("AI Attack Adaptation" -> "ai-attack-adaptation"), the ATT&CK convention.
 */
export function tacticShortName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function navigatorLayer(
  submission: KindSubmission<'atlas-chain'>,
  catalog: AtlasCatalog,
  scenarioTitle: string,
): NavigatorLayer {
  const { answers } = withCurrentIds(submission.answers, catalog);
  const release = `MITRE ATLAS ${catalog.version ?? ''}`.trim();
  const chain = answers.chain.map((e) => ({ ...e, technique: normaliseAtlasId(e.technique) }));
  const known = chain.filter((e) => catalog.techniques.some((t) => t.id === e.technique));
  const countered = new Set(answers.defenses.flatMap((d) => d.counters.map(normaliseAtlasId)));
  const seen = new Set<string>();
  const techniques: NavigatorTechnique[] = [];
  known.forEach((entry, i) => {
    const technique = catalog.techniques.find((t) => t.id === entry.technique);
    if (!technique) return;
    const tacticId = entry.tactic && technique.tactics.includes(entry.tactic) ? entry.tactic : technique.tactics[0];
    const tactic = catalog.tactics.find((t) => t.id === tacticId);
    const key = `${entry.technique}|${tacticId ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const step = Math.min(CHAIN_COLORS.length - 1, Math.floor((i * CHAIN_COLORS.length) / Math.max(1, known.length)));
    const counters = answers.defenses
      .filter((d) => d.counters.map(normaliseAtlasId).includes(entry.technique))
      .map((d) => normaliseAtlasId(d.mitigation));
    const comment = [
      `Step ${i + 1} of the kill chain.`,
      entry.rationale?.trim() ?? '',
      entry.detection?.trim() ? `Detection: ${entry.detection.trim()}` : '',
      counters.length > 0 ? `Countered by ${counters.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    techniques.push({
      techniqueID: entry.technique,
      ...(tactic ? { tactic: tacticShortName(tactic.name) } : {}),
      color: countered.has(entry.technique) ? DEFENDED : (CHAIN_COLORS[step] ?? CHAIN_COLORS[0]),
      comment,
      enabled: true,
      ...(entry.technique.includes('.', 4) ? {} : { showSubtechniques: true }),
    });
  });
  return {
    name: `Kill chain: ${scenarioTitle}`.slice(0, 120),
    versions: { layer: '4.5' },
    domain: 'atlas-atlas',
    description: `Attack chain (${release}), exported ${submission.submittedAt.slice(0, 10)} by AI Threat Modeling Lab.${submission.learner ? ` Learner: ${submission.learner}.` : ''}`,
    techniques,
    legendItems: [
      { label: 'Early in the chain', color: CHAIN_COLORS[0] },
      { label: 'Late in the chain', color: CHAIN_COLORS[7] },
      { label: 'Countered by a planned mitigation', color: DEFENDED },
    ],
    hideDisabled: false,
    showTacticRowBackground: true,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    metadata: [
      { name: 'ATLAS release', value: catalog.version ?? 'unknown' },
      { name: 'Exercise', value: submission.exercise },
    ],
  };
}

const pct = (n: number) => `${Math.round(n * 100)}%`;
const duration = (seconds: number | null) =>
  seconds === null
    ? 'not detected'
    : seconds < 60
      ? `${Math.round(seconds)} s`
      : seconds < 3600
        ? `${Math.round(seconds / 60)} min`
        : `${(seconds / 3600).toFixed(1)} h`;

/**
 * The after-action report: chain, rules of engagement, runs, defenses and the hardening plan; for
 * an incident lab (`incident`), the incident analysis: the attack chain alone.
 */
export function atlasMarkdown(
  submission: KindSubmission<'atlas-chain'>,
  catalog: AtlasCatalog,
  context: { title: string; roeNames: Readonly<Record<string, string>>; incident?: boolean },
  report?: GradeReport,
): string {
  const { answers, notes } = withCurrentIds(submission.answers, catalog);
  const release = `ATLAS ${catalog.version ?? ''}`.trim();
  const name = (id: string) =>
    catalog.techniques.find((t) => t.id === normaliseAtlasId(id))?.name ?? `not an ${release} technique`;
  const mitigation = (id: string) =>
    catalog.mitigations.find((m) => m.id === normaliseAtlasId(id))?.name ?? `not an ${release} mitigation`;
  const incident = context.incident === true;
  const lines: string[] = [
    incident
      ? `# Incident analysis: ${markdownText(context.title)}`
      : `# After-action report: ${markdownText(context.title)}`,
    '',
    incident
      ? `The attacker's techniques, in order, tagged from a synthetic incident write-up in the AI Threat Modeling Lab. MITRE ${release}.`
      : `Adversarial simulation in the AI Threat Modeling Lab cyber range. Synthetic data only. MITRE ${release}.`,
    '',
    ...notes.map((n) => `> ${markdownText(n.message)}`),
    ...(notes.length > 0 ? [''] : []),
    `- Exported: ${submission.submittedAt}`,
    ...(submission.learner ? [`- ${incident ? 'Analyst' : 'Red team'}: ${markdownText(submission.learner)}`] : []),
    ...(report ? [`- Self-check score: ${pct(report.score)}`] : []),
    '',
    incident ? '## Attack chain' : '## Kill chain',
    '',
  ];
  if (answers.chain.length === 0) lines.push('No techniques chosen yet.', '');
  answers.chain.forEach((e, i) => {
    const id = normaliseAtlasId(e.technique);
    lines.push(
      `${i + 1}. **${markdownText(id)} ${markdownText(name(id))}**${e.rationale?.trim() ? `: ${markdownText(e.rationale.trim())}` : ''}`,
    );
    if (e.detection?.trim()) lines.push(`   Detection: ${markdownText(e.detection.trim())}`);
  });
  if (incident) return finish(lines, report);
  lines.push('', '## Rules of engagement', '');
  if (answers.roe.length === 0) lines.push('None recorded.');
  for (const id of answers.roe) lines.push(`- ${markdownText(own(context.roeNames, id) ?? id)}`);
  lines.push('', '## Range runs', '');
  if (answers.runs.length === 0) lines.push('No runs recorded.');
  else {
    lines.push(
      '| # | Attack | Defenses | Achieved | What the attack moved | Queries | Net gain | Time to detect | AUC before → after | Recall before → after | False declines before → after |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    answers.runs.forEach((r, i) => {
      lines.push(
        `| ${i + 1} | ${markdownText(r.attack)} | ${r.defenses.length === 0 ? 'none' : r.defenses.map(markdownText).join(', ')} | ${r.achieved ? 'yes' : 'no'} | ${markdownText(movedText(r))} | ${r.queries} | €${r.payoff} | ${duration(r.timeToDetect)} | ${r.aucBefore.toFixed(3)} → ${r.aucAfter.toFixed(3)} | ${pct(r.recallBefore)} → ${pct(r.recallAfter)} | ${r.falseDeclinesBefore === undefined || r.falseDeclinesAfter === undefined ? 'not recorded' : `${r.falseDeclinesBefore} → ${r.falseDeclinesAfter}`} |`,
      );
    });
  }
  lines.push('', '## Defenses', '');
  if (answers.defenses.length === 0) lines.push('None chosen.');
  for (const d of answers.defenses) {
    const id = normaliseAtlasId(d.mitigation);
    lines.push(
      `- **${markdownText(id)} ${markdownText(mitigation(id))}** counters ${d.counters.length === 0 ? 'nothing named yet' : d.counters.map((c) => markdownText(normaliseAtlasId(c))).join(', ')}${d.note?.trim() ? `: ${markdownText(d.note.trim())}` : ''}`,
    );
  }
  lines.push(
    '',
    '## Hardening plan',
    '',
    ...(answers.hardening.trim() === ''
      ? ['Not written yet.']
      : markdownParagraphs(answers.hardening).flatMap((p) => [p, ''])),
  );
  return finish(lines, report);
}

/** The self-check, if any, and the lines joined. */
function finish(lines: string[], report: GradeReport | undefined): string {
  if (report) {
    lines.push('', '## Self-check', '');
    for (const p of Object.values(report.parts)) lines.push(`- ${p.label}: ${pct(p.score)}. ${p.detail}`);
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
